using System.Diagnostics;
using Obs.Telemetry.Exporters;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Exporters;

public sealed class CompactConsoleExporterTests
{
    [Fact]
    public void Export_ThreeSpans_ResourceOnceThenOneLineEach()
    {
        var sourceName = "compact-console-" + Guid.NewGuid().ToString("N");
        using var source = new ActivitySource(sourceName);
        var output = new StringWriter();
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(sourceName)
            .ConfigureResource(r => r.AddService("compact-test"))
            .AddProcessor(new SimpleActivityExportProcessor(new CompactConsoleExporter(() => output)))
            .Build())
        {
            using (var parent = source.StartActivity("build.execute"))
            {
                using (var step = source.StartActivity("build.step.compile"))
                {
                    step?.SetTag("build.step.exit_code", 3);
                    step?.SetTag("build.step.command", new string('x', 500));
                    step?.SetStatus(ActivityStatusCode.Error, "exit code 3");
                }

                using (source.StartActivity("build.step.test"))
                {
                }
            }
        }

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("resource ", lines[0], StringComparison.Ordinal);
        Assert.Contains("service.name=compact-test", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("service.name", StringComparison.Ordinal));
        Assert.Contains("build.step.compile  ERROR(exit code 3)", lines[1], StringComparison.Ordinal);
        Assert.Contains("build.step.exit_code=3", lines[1], StringComparison.Ordinal);
        Assert.True(lines[1].Length < 300, lines[1]);
        Assert.Matches(@"trace [0-9a-f]{8} span [0-9a-f]{8}", lines[2]);
        Assert.Contains("build.execute", lines[3], StringComparison.Ordinal);
    }
}
