using Obs.Telemetry.Exporters;

namespace Obs.Telemetry.Tests.Exporters;

/// <summary>The one line every verb prints at exit about its spans.</summary>
public sealed class ExportReportTests
{
    [Fact]
    public void OneExporter_AllDelivered_CountsAndWhere()
    {
        var report = new ExportReport(42, [new ExporterOutcome("otlp", "http://localhost:4317", 42, 0, null)]);

        Assert.Equal("42 spans exported, 0 failed (otlp http://localhost:4317)", report.Line(verbose: false));
        Assert.False(report.HasFailures);
    }

    [Fact]
    public void OneExporter_Failed_ErrorOnlyWithVerbose_OtherwiseAHint()
    {
        var report = new ExportReport(3, [new ExporterOutcome("otlp", "http://127.0.0.1:1", 0, 3, "Connection refused (127.0.0.1:1)")]);

        Assert.Equal("0 spans exported, 3 failed (otlp http://127.0.0.1:1) (-v shows the error)", report.Line(verbose: false));
        Assert.Equal("0 spans exported, 3 failed (otlp http://127.0.0.1:1 — Connection refused (127.0.0.1:1))", report.Line(verbose: true));
        Assert.True(report.HasFailures);
    }

    [Fact]
    public void Failed_WithoutError_SaysQueueOrDeadline()
    {
        var report = new ExportReport(5, [new ExporterOutcome("zipkin", "http://z:9411/api/v2/spans", 2, 3, null)]);

        Assert.Equal("2 spans exported, 3 failed (zipkin http://z:9411/api/v2/spans — not sent: queue full or export deadline passed)", report.Line(verbose: false));
    }

    [Fact]
    public void SeveralExporters_EachCounted()
    {
        var report = new ExportReport(1,
        [
            new ExporterOutcome("console", null, 1, 0, null),
            new ExporterOutcome("otlp", "http://127.0.0.1:1", 0, 1, "Connection refused (127.0.0.1:1)"),
        ]);

        Assert.Equal("1 span: console 1 exported, 0 failed; otlp http://127.0.0.1:1 0 exported, 1 failed (-v shows the errors)", report.Line(verbose: false));
        Assert.Equal("1 span: console 1 exported, 0 failed; otlp http://127.0.0.1:1 0 exported, 1 failed — Connection refused (127.0.0.1:1)", report.Line(verbose: true));
    }

    [Fact]
    public void Spooled_CountedAndReplayHinted_DroppedFromAFullSpoolCounted()
    {
        var report = new ExportReport(5, [new ExporterOutcome("otlp", "http://127.0.0.1:1", 0, 0, "Connection refused (127.0.0.1:1)", Spooled: 5, Dropped: 7)]);

        Assert.Equal("0 spans exported, 5 spooled, 0 failed, 7 older dropped from the full spool (otlp http://127.0.0.1:1); `obs replay` sends the spool (-v shows the error)", report.Line(verbose: false));
        Assert.True(report.HasFailures);
    }

    [Fact]
    public void NoExporter_SaysSo()
    {
        Assert.Equal("1 span recorded, none exported (no exporter configured)", new ExportReport(1, []).Line(verbose: false));
    }
}
