using System.CommandLine;
using System.Globalization;
using Obs.Cli.Hosting;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Telemetry.Spool;

namespace Obs.Cli.Commands;

/// <summary>
/// <c>obs replay</c>: re-sends the spans the exporters could not deliver (the spool, <c>.obs/spool</c>) with
/// their ids intact, so late spans join their traces; only what a backend accepted leaves the spool.
/// Each exporter's spool goes to that exporter's configured endpoint; <c>--endpoint</c> sends all of it
/// to one OTLP collector instead.
/// </summary>
public sealed class ReplayCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "replay";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;

    public ReplayCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Re-send spooled spans (.obs/spool) that a dead or refusing collector missed; ids are kept, so they join their traces.")
    {
        _global = global;
        _console = console;
        SetAction((parse, cancellationToken) => ExecuteAsync(parse, cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = CliTelemetry.LoadOptions(EngineSession.ConfigRequest(parse, _global, _console), _console).Options;
        var directory = CliTelemetry.SpoolDirectory(_console.Environment);
        var files = SpanSpool.Files(directory);
        if (files.Count == 0)
        {
            _console.Say($"replay: the spool is empty ({directory})");
            return ExitCodes.Success;
        }

        var oneCollector = parse.GetValue(_global.Endpoint) is not null;
        var timeout = TimeSpan.FromMilliseconds(Math.Min(options.OtlpTimeoutMillis, options.Batch.ExportTimeoutMillis));
        var result = await SpoolReplay.RunAsync(directory, exporter => SenderFor(exporter, options, oneCollector, timeout), cancellationToken).ConfigureAwait(false);
        foreach (var error in result.Errors)
        {
            _console.Warn($"replay: {error}");
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"replay: {result.Sent} spans sent, {result.Left} left in {directory}");
        if (result.Left > 0)
        {
            _console.Warn(line);
            return ExitCodes.Failure;
        }

        _console.Say(line);
        return ExitCodes.Success;
    }

    private static ISpoolSender? SenderFor(string exporter, ObsTelemetryOptions options, bool oneCollector, TimeSpan timeout)
    {
        var configured = options.EffectiveExporters();
        if (oneCollector || (exporter == ObsExporterRegistration.OtlpName && configured.Contains(ExporterKind.Otlp)))
        {
            return new OtlpSpoolSender(ObsExporterRegistration.OtlpName, OtlpTarget.ForOtlpTraces(options), options.OtlpHeaders.AsReadOnly(), timeout);
        }

        if (exporter == ObsExporterRegistration.JaegerName && configured.Contains(ExporterKind.Jaeger))
        {
            return new OtlpSpoolSender(exporter, OtlpTarget.ForJaeger(options.JaegerEndpoint ?? ObsDefaults.OtlpGrpcEndpoint), new Dictionary<string, string>(), timeout);
        }

        if (exporter == ObsExporterRegistration.ZipkinName && configured.Contains(ExporterKind.Zipkin))
        {
            return new ZipkinSpoolSender(options.ZipkinEndpoint ?? ObsDefaults.ZipkinEndpoint, options.ServiceName, timeout);
        }

        return null;
    }
}
