using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Telemetry.Tests.Tracing;

public sealed class StartupRecorderTests
{
    [Fact]
    public void Emit_RecordedPhases_BecomeChildrenOfStartupInitializeWithTheirRealTimes()
    {
        using var trace = new InMemoryTrace();
        var recorder = new StartupRecorder();
        using (recorder.Measure(SpanNames.StartupConfigLoad))
        {
            Thread.Sleep(15);
        }

        using (recorder.Measure(SpanNames.StartupDependenciesLoad))
        {
        }

        using (recorder.Measure(SpanNames.StartupResourcesInitialize))
        {
            Thread.Sleep(15);
        }

        using (recorder.Measure(SpanNames.StartupHealthChecks))
        {
        }

        Thread.Sleep(30); // time after start-up must not be counted in it
        recorder.Emit(trace.Source, "cli");

        var root = trace.Single(SpanNames.StartupInitialize);
        var children = trace.Exported.Where(a => a.ParentSpanId == root.SpanId).ToList();
        Assert.Equal(
            [SpanNames.StartupConfigLoad, SpanNames.StartupDependenciesLoad, SpanNames.StartupResourcesInitialize, SpanNames.StartupHealthChecks],
            children.OrderBy(c => c.StartTimeUtc).Select(c => c.DisplayName));
        Assert.Equal("cli", root.GetTagItem(AttributeKeys.Startup.Component));
        Assert.True(children.Single(c => c.DisplayName == SpanNames.StartupConfigLoad).Duration >= TimeSpan.FromMilliseconds(14));
        var lastEnd = children.Max(c => c.StartTimeUtc + c.Duration);
        Assert.Equal(lastEnd, root.StartTimeUtc + root.Duration);
        Assert.True(root.Duration < TimeSpan.FromMilliseconds(30 + 30 + 500), $"startup {root.Duration} includes time after it");
        Assert.All(children, c => Assert.True(c.StartTimeUtc >= root.StartTimeUtc));
    }

    [Fact]
    public void Emit_FailedPhase_MarksItAndTheRootAsErrors()
    {
        using var trace = new InMemoryTrace();
        var recorder = new StartupRecorder();
        using (recorder.Measure(SpanNames.StartupResourcesInitialize))
        {
        }

        recorder.Fail(new IOException("state database is locked"));
        recorder.Emit(trace.Source, "serve");

        var phase = trace.Single(SpanNames.StartupResourcesInitialize);
        Assert.Equal(ActivityStatusCode.Error, phase.Status);
        Assert.Contains(phase.Events, e => e.Name == "exception");
        Assert.Equal(ActivityStatusCode.Error, trace.Single(SpanNames.StartupInitialize).Status);
    }
}
