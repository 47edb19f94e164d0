using System.Diagnostics;
using Obs.Orchestrations.Processes;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Tests.Processes;

public sealed class ChildProcessRunnerEnvironmentTests : IDisposable
{
    // Listeners are process-wide: each test class listens only to its own source.
    private readonly ActivitySource _source = new($"Obs.Tests.Processes.{Guid.NewGuid():N}", "1.0");
    private readonly ActivityListener _listener;

    public ChildProcessRunnerEnvironmentTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, _source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
    }

    [Fact]
    public async Task RunAsync_InsideAnActivity_ChildGetsItsTraceparentAndTracestate()
    {
        using var activity = _source.StartActivity("step");
        Assert.NotNull(activity);
        activity.TraceStateString = "obs=1";

        var result = await ChildProcessRunner.RunAsync(PrintTraceContext());

        Assert.Equal([W3CTraceContext.Format(activity.Context), "obs=1"], result.StdoutTail);
        Assert.EndsWith("-01", result.StdoutTail[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ActivityWithoutTracestate_ChildGetsNoTracestate()
    {
        using var activity = _source.StartActivity("step");
        Assert.NotNull(activity);
        var spec = PrintTraceContext() with { Environment = new Dictionary<string, string?>() };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.Equal([W3CTraceContext.Format(activity.Context), "unset"], result.StdoutTail);
    }

    [Fact]
    public async Task RunAsync_SpecSetsTraceContext_WinsOverActivityCurrent()
    {
        using var activity = _source.StartActivity("step");
        Assert.NotNull(activity);
        const string Explicit = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var spec = PrintTraceContext() with
        {
            Environment = new Dictionary<string, string?> { ["TRACEPARENT"] = Explicit, ["TRACESTATE"] = "mine=2" },
        };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.Equal([Explicit, "mine=2"], result.StdoutTail);
    }

    [Fact]
    public async Task RunAsync_EnvironmentOverrides_SetAndRemoveVariables()
    {
        var inherited = $"OBS_TEST_INHERITED_{Guid.NewGuid():N}";
        var removed = $"OBS_TEST_REMOVED_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(inherited, "from-parent");
        Environment.SetEnvironmentVariable(removed, "from-parent");
        try
        {
            var spec = ProcessSpec.Shell($"echo \"${{{inherited}-unset}}\"; echo \"${{{removed}-unset}}\"; echo \"$OBS_TEST_SET\"") with
            {
                Environment = new Dictionary<string, string?> { [removed] = null, ["OBS_TEST_SET"] = "a value with spaces" },
            };

            var result = await ChildProcessRunner.RunAsync(spec);

            Assert.Equal(["from-parent", "unset", "a value with spaces"], result.StdoutTail);
        }
        finally
        {
            Environment.SetEnvironmentVariable(inherited, null);
            Environment.SetEnvironmentVariable(removed, null);
        }
    }

    private static ProcessSpec PrintTraceContext() =>
        ProcessSpec.Shell("echo \"${TRACEPARENT-unset}\"; echo \"${TRACESTATE-unset}\"");
}
