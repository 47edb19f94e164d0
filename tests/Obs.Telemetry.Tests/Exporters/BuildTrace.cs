using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;
using Obs.Testing.Otlp;
using Obs.Testing.Zipkin;

namespace Obs.Telemetry.Tests.Exporters;

/// <summary>
/// A small build trace emitted on <see cref="ObsActivitySources.Build"/>: <c>build.execute</c> with one
/// <c>build.step.compile</c> child carrying an event, and the assertions that it arrived intact.
/// Sources are process-wide, so receivers also see other tests' spans: everything here filters by trace id.
/// </summary>
internal sealed record BuildTrace(string TraceId, string RootSpanId, string StepSpanId, string ProjectPath)
{
    public const string StepName = "compile";
    public const string StepCommand = "dotnet build";
    public const string OutputEventName = "build.step.output";
    public const string OutputLinesKey = "build.step.output.lines";

    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    public static string StepSpanName { get; } = SpanNames.BuildStep(StepName);

    /// <summary>Emits the trace; null when nothing listens to the build source.</summary>
    public static BuildTrace? Emit()
    {
        var projectPath = "/src/project-" + Guid.NewGuid().ToString("N");
        using var root = ObsActivitySources.Build.StartSpan(
            SpanNames.BuildExecute,
            tags: [new(AttributeKeys.Build.ProjectPath, projectPath), new(AttributeKeys.Build.StepsCount, 1)]);
        if (root is null)
        {
            return null;
        }

        string stepSpanId;
        using (var step = ObsActivitySources.Build.StartSpan(StepSpanName, tags: [new(AttributeKeys.Build.StepName, StepName)]))
        {
            Assert.NotNull(step);
            step.SetTag(AttributeKeys.Build.StepCommand, StepCommand);
            step.SetTag(AttributeKeys.Build.StepExitCode, 0);
            step.AddEvent(new ActivityEvent(OutputEventName, tags: new ActivityTagsCollection { [OutputLinesKey] = 3 }));
            stepSpanId = step.SpanId.ToHexString();
        }

        root.SetTag(AttributeKeys.Build.Success, true);
        return new BuildTrace(root.TraceId.ToHexString(), root.SpanId.ToHexString(), stepSpanId, projectPath);
    }

    /// <summary>Emits the trace where a provider is known to listen.</summary>
    public static BuildTrace EmitListened()
    {
        var trace = Emit();
        Assert.NotNull(trace);
        return trace;
    }

    public IReadOnlyList<ReceivedSpan> Mine(IEnumerable<ReceivedSpan> spans) => [.. spans.Where(s => s.TraceId == TraceId)];

    public IReadOnlyList<ZipkinSpan> Mine(IEnumerable<ZipkinSpan> spans) => [.. spans.Where(s => s.TraceId == TraceId)];

    public Task<IReadOnlyList<ReceivedSpan>> WaitAsync(OtlpReceiver receiver) =>
        receiver.WaitForSpansAsync(spans => Mine(spans).Count >= 2, WaitTimeout);

    public Task<IReadOnlyList<ZipkinSpan>> WaitAsync(ZipkinReceiver receiver) =>
        receiver.WaitForSpansAsync(spans => Mine(spans).Count >= 2, WaitTimeout);

    /// <summary>Asserts the tree, kinds, attributes, event and service exactly as an OTLP exporter put them on the wire.</summary>
    public void AssertReceived(IEnumerable<ReceivedSpan> received, string transport, string serviceName)
    {
        var spans = Mine(received);
        Assert.Equal(2, spans.Count);
        var root = Assert.Single(spans, s => s.Name == SpanNames.BuildExecute);
        var step = Assert.Single(spans, s => s.Name == StepSpanName);

        Assert.All(spans, s => Assert.Equal(transport, s.Transport));
        Assert.All(spans, s => Assert.Equal(ObsActivitySources.BuildName, s.ScopeName));
        Assert.All(spans, s => Assert.Equal(1, s.Kind));
        Assert.All(spans, s => Assert.Equal(serviceName, s.Resource[AttributeKeys.Resource.ServiceName]));

        Assert.Equal(RootSpanId, root.SpanId);
        Assert.Null(root.ParentSpanId);
        Assert.Equal(ProjectPath, root.Attributes[AttributeKeys.Build.ProjectPath]);
        Assert.Equal(1L, root.Attributes[AttributeKeys.Build.StepsCount]);
        Assert.Equal(true, root.Attributes[AttributeKeys.Build.Success]);

        Assert.Equal(StepSpanId, step.SpanId);
        Assert.Equal(RootSpanId, step.ParentSpanId);
        Assert.Equal(StepName, step.Attributes[AttributeKeys.Build.StepName]);
        Assert.Equal(StepCommand, step.Attributes[AttributeKeys.Build.StepCommand]);
        Assert.Equal(0L, step.Attributes[AttributeKeys.Build.StepExitCode]);
        var output = Assert.Single(step.Events);
        Assert.Equal(OutputEventName, output.Name);
        Assert.Equal(3L, output.Attributes[OutputLinesKey]);
    }

    /// <summary>The same trace as the Zipkin exporter writes it: v2 JSON, tags as strings, events as annotations.</summary>
    public void AssertReceived(IEnumerable<ZipkinSpan> received, string serviceName)
    {
        var spans = Mine(received);
        Assert.Equal(2, spans.Count);
        var root = Assert.Single(spans, s => s.Name == SpanNames.BuildExecute);
        var step = Assert.Single(spans, s => s.Name == StepSpanName);

        Assert.All(spans, s => Assert.Equal(serviceName, s.ServiceName));
        Assert.All(spans, s => Assert.Null(s.Kind));
        Assert.All(spans, s => Assert.Equal(ObsActivitySources.BuildName, s.Tags["otel.scope.name"]));

        Assert.Equal(RootSpanId, root.Id);
        Assert.Null(root.ParentId);
        Assert.Equal(ProjectPath, root.Tags[AttributeKeys.Build.ProjectPath]);
        Assert.Equal("1", root.Tags[AttributeKeys.Build.StepsCount]);
        Assert.Equal("true", root.Tags[AttributeKeys.Build.Success]);

        Assert.Equal(StepSpanId, step.Id);
        Assert.Equal(RootSpanId, step.ParentId);
        Assert.Equal(StepName, step.Tags[AttributeKeys.Build.StepName]);
        Assert.Equal(StepCommand, step.Tags[AttributeKeys.Build.StepCommand]);
        Assert.Equal("0", step.Tags[AttributeKeys.Build.StepExitCode]);
        Assert.Contains(step.Annotations, a => a.Value.StartsWith(OutputEventName, StringComparison.Ordinal));
    }
}
