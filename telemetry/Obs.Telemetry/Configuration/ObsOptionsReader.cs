using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// Fills <see cref="ObsTelemetryOptions"/> from the layered configuration, key by key, starting from the
/// built-in defaults (the options' initialisers) and validating as it goes; every problem is collected.
/// </summary>
internal static class ObsOptionsReader
{
    public static ObsTelemetryOptions Read(ConfigValueReader config, ICollection<string> warnings)
    {
        foreach (var section in ConfigKeys.CheckedSections)
        {
            config.RejectUnknownKeys(section, KnownChildren(section));
        }

        var options = new ObsTelemetryOptions();
        ReadService(options, config);
        ReadExport(options, config, warnings);
        ReadSampling(options.Sampling, config);
        ReadBatch(options.Batch, config);
        ReadRedaction(options.Redaction, config);
        ReadApp(options.App, config);
        return options;
    }

    private static void ReadService(ObsTelemetryOptions options, ConfigValueReader config)
    {
        if (config.Find(ConfigKeys.ServiceName) is { } serviceName)
        {
            if (serviceName.Value.Trim().Length == 0)
            {
                config.Report(serviceName, "must not be empty");
            }
            else
            {
                options.ServiceName = serviceName.Value.Trim();
            }
        }

        options.ServiceVersion = config.FindNonEmpty(ConfigKeys.ServiceVersion)?.Value.Trim() ?? options.ServiceVersion;
        options.TraceUrlTemplate = config.FindNonEmpty(ConfigKeys.TraceUrlTemplate)?.Value.Trim() ?? options.TraceUrlTemplate;
        options.Disabled = !(config.ReadBool(ConfigKeys.Enabled) ?? !options.Disabled);

        foreach (var (name, setting) in config.ReadMap(ConfigKeys.ResourceAttributes, isSecret: false))
        {
            options.ResourceAttributes[name] = setting.Value;
        }
    }

    private static void ReadExport(ObsTelemetryOptions options, ConfigValueReader config, ICollection<string> warnings)
    {
        options.ConsoleExporter = config.ReadBool(ConfigKeys.ConsoleExporter) ?? options.ConsoleExporter;
        options.OtlpEndpoint = config.ReadEndpoint(ConfigKeys.OtlpEndpoint);
        options.OtlpEndpointIsSignalSpecific = options.OtlpEndpoint is not null
            && config.Find(ConfigKeys.OtlpEndpoint)?.Layer is OtelEnvironmentConfigurationProvider { OtlpEndpointIsSignalSpecific: true };
        options.ZipkinEndpoint = config.ReadEndpoint(ConfigKeys.ZipkinEndpoint);
        options.JaegerEndpoint = config.ReadEndpoint(ConfigKeys.JaegerEndpoint);
        if (options.JaegerEndpoint is { } jaeger && JaegerEndpointMapping.MapLegacyThrift(jaeger) is { } mapped)
        {
            warnings.Add(JaegerEndpointMapping.Warning(config.Find(ConfigKeys.JaegerEndpoint)!.Value.Trim(), mapped));
            options.JaegerEndpoint = mapped;
        }

        options.OtlpTimeoutMillis = config.ReadPositiveInt(ConfigKeys.OtlpTimeoutMillis) ?? options.OtlpTimeoutMillis;
        if (config.FindNonEmpty(ConfigKeys.OtlpProtocol) is { } protocol)
        {
            if (OtlpProtocolNames.TryParse(protocol.Value, out var wire, out var error))
            {
                options.OtlpProtocol = wire;
            }
            else
            {
                config.Report(protocol, error);
            }
        }

        ReadHeaders(options, config);
        ReadExporters(options, config);
    }

    private static void ReadHeaders(ObsTelemetryOptions options, ConfigValueReader config)
    {
        foreach (var (name, setting) in config.ReadMap(ConfigKeys.OtlpHeaders, isSecret: true))
        {
            if (!IsHttpToken(name))
            {
                config.Report(setting, "is not a valid HTTP header name", SecretMask.Masked);
            }
            else if (setting.Value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                config.Report(setting, "header values must not contain line breaks", SecretMask.Masked);
            }
            else
            {
                options.OtlpHeaders[name] = setting.Value;
            }
        }
    }

    private static void ReadExporters(ObsTelemetryOptions options, ConfigValueReader config)
    {
        if (config.ReadList(ConfigKeys.Exporters, splitCommas: true) is not { } items)
        {
            return;
        }

        var kinds = new List<ExporterKind>();
        foreach (var item in items)
        {
            if (!ExporterNames.TryParse(item.Value, out var kind))
            {
                config.Report(item, $"unknown exporter; use {ExporterNames.Accepted}");
            }
            else if (kind is { } exporter)
            {
                kinds.Add(exporter);
            }
        }

        options.Exporters = kinds;
    }

    private static void ReadSampling(SamplingOptions sampling, ConfigValueReader config)
    {
        if (config.FindNonEmpty(ConfigKeys.SamplingType) is { } type)
        {
            if (SamplerTypeNames.TryParse(type.Value, out var samplerType, out var error))
            {
                sampling.Type = samplerType;
            }
            else
            {
                config.Report(type, error);
            }
        }

        sampling.Rate = config.ReadDouble(ConfigKeys.SamplingRate, rate => rate is >= 0 and <= 1, "must be a number from 0 to 1")
            ?? sampling.Rate;
        sampling.MaxTracesPerSecond = config.ReadDouble(
            ConfigKeys.SamplingMaxTracesPerSecond, max => max > 0 && double.IsFinite(max), "must be a number greater than 0")
            ?? sampling.MaxTracesPerSecond;
    }

    private static void ReadBatch(BatchOptions batch, ConfigValueReader config)
    {
        batch.MaxQueueSize = config.ReadPositiveInt(ConfigKeys.BatchMaxQueueSize) ?? batch.MaxQueueSize;
        batch.ScheduleDelayMillis = config.ReadPositiveInt(ConfigKeys.BatchScheduleDelayMillis) ?? batch.ScheduleDelayMillis;
        batch.MaxExportBatchSize = config.ReadPositiveInt(ConfigKeys.BatchMaxExportBatchSize) ?? batch.MaxExportBatchSize;
        batch.ExportTimeoutMillis = config.ReadPositiveInt(ConfigKeys.BatchExportTimeoutMillis) ?? batch.ExportTimeoutMillis;

        if (batch.MaxExportBatchSize > batch.MaxQueueSize)
        {
            if (config.Find(ConfigKeys.BatchMaxExportBatchSize) is not { } batchSetting)
            {
                // Only the queue was set, below the default batch: a batch is then at most the whole queue.
                batch.MaxExportBatchSize = batch.MaxQueueSize;
                return;
            }

            var queueSource = config.Find(ConfigKeys.BatchMaxQueueSize)?.Source ?? "default";
            config.Report(
                batchSetting,
                $"max_export_batch_size ({batch.MaxExportBatchSize}, from {batchSetting.Source}) must not exceed "
                + $"max_queue_size ({batch.MaxQueueSize}, from {queueSource})");
        }
    }

    private static void ReadRedaction(RedactionOptions redaction, ConfigValueReader config)
    {
        redaction.Enabled = config.ReadBool(ConfigKeys.RedactionEnabled) ?? redaction.Enabled;
        if (config.ReadList(ConfigKeys.RedactionPatterns, splitCommas: false) is not { } patterns)
        {
            return;
        }

        foreach (var pattern in patterns)
        {
            try
            {
                _ = new Regex(pattern.Value, RegexOptions.None, TimeSpan.FromSeconds(1));
                redaction.Patterns.Add(pattern.Value);
            }
            catch (ArgumentException ex)
            {
                config.Report(pattern, $"is not a valid regular expression: {ex.Message}");
            }
        }
    }

    private static void ReadApp(AppOptions app, ConfigValueReader config)
    {
        app.Name = config.FindNonEmpty(ConfigKeys.AppName)?.Value.Trim() ?? app.Name;
        app.Version = config.FindNonEmpty(ConfigKeys.AppVersion)?.Value.Trim() ?? app.Version;
        app.Environment = config.FindNonEmpty(ConfigKeys.AppEnvironment)?.Value.Trim() ?? app.Environment;
    }

    // A loop for the reason ConfigLayerProvider.OriginOf gives.
    private static string[] KnownChildren(string section)
    {
        var children = new List<string>();
        foreach (var key in ConfigKeys.All)
        {
            if (string.Equals(ConfigurationPath.GetParentPath(key), section, StringComparison.Ordinal))
            {
                children.Add(ConfigurationPath.GetSectionKey(key));
            }
        }

        return [.. children];
    }

    private static bool IsHttpToken(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
