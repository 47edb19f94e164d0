namespace Obs.Telemetry.Configuration;

/// <summary><c>tracing.batch</c>; <c>OTEL_BSP_*</c>. Defaults are the OpenTelemetry specification's.</summary>
public sealed class BatchOptions
{
    /// <summary><c>max_queue_size</c>; <c>OTEL_BSP_MAX_QUEUE_SIZE</c>.</summary>
    public int MaxQueueSize { get; set; } = 2048;

    /// <summary><c>schedule_delay_millis</c>; <c>OTEL_BSP_SCHEDULE_DELAY</c>.</summary>
    public int ScheduleDelayMillis { get; set; } = 5000;

    /// <summary><c>max_export_batch_size</c>; <c>OTEL_BSP_MAX_EXPORT_BATCH_SIZE</c>; at most <see cref="MaxQueueSize"/>.</summary>
    public int MaxExportBatchSize { get; set; } = 512;

    /// <summary><c>export_timeout_millis</c>; <c>OTEL_BSP_EXPORT_TIMEOUT</c>. Also bounds the flush at shutdown.</summary>
    public int ExportTimeoutMillis { get; set; } = 30000;
}
