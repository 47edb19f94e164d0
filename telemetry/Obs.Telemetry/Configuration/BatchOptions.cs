namespace Obs.Telemetry.Configuration;

/// <summary>
/// <c>tracing.batch</c>; <c>OTEL_BSP_*</c>. The delay and timeout are the OpenTelemetry specification's; the queue
/// and batch are four times its 2,048 and 512, because a build emits spans in bursts: with the specification's,
/// a 2-core machine lost spans at 50,000 spans/s whenever the exporter waited on the collector; with these none
/// were lost at 50,000 or 200,000 spans/s (bench/Obs.Bench.Telemetry, docs/PERFORMANCE.md), for at most ~8 MB
/// of queued spans.
/// </summary>
public sealed class BatchOptions
{
    /// <summary><c>max_queue_size</c>; <c>OTEL_BSP_MAX_QUEUE_SIZE</c>.</summary>
    public int MaxQueueSize { get; set; } = 8192;

    /// <summary><c>schedule_delay_millis</c>; <c>OTEL_BSP_SCHEDULE_DELAY</c>.</summary>
    public int ScheduleDelayMillis { get; set; } = 5000;

    /// <summary><c>max_export_batch_size</c>; <c>OTEL_BSP_MAX_EXPORT_BATCH_SIZE</c>; at most <see cref="MaxQueueSize"/>.</summary>
    public int MaxExportBatchSize { get; set; } = 2048;

    /// <summary><c>export_timeout_millis</c>; <c>OTEL_BSP_EXPORT_TIMEOUT</c>. Also bounds the flush at shutdown.</summary>
    public int ExportTimeoutMillis { get; set; } = 30000;
}
