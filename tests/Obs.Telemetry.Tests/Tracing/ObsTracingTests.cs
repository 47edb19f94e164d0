using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Telemetry.Tests.Tracing;

public sealed class ObsTracingTests : IDisposable
{
    private readonly InMemoryTrace _trace = new();

    public void Dispose() => _trace.Dispose();

    [Fact]
    public void Trace_BodyReturns_ValueComesBackAndSpanIsCurrentInsideAndEndedUnset()
    {
        Activity? seen = null;
        Activity? current = null;

        var result = _trace.Source.Trace("op.success", span =>
        {
            seen = span;
            current = Activity.Current;
            return 42;
        });

        Assert.Equal(42, result);
        var span = _trace.Single("op.success");
        Assert.Same(span, seen);
        Assert.Same(span, current);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Empty(span.Events);
        Assert.Null(span.GetTagItem(AttributeKeys.Error.Type));
        Assert.True(span.IsStopped);
    }

    [Fact]
    public void Trace_BodyThrows_ExceptionIsRecordedOnTheSpanAndRethrown()
    {
        var thrown = new InvalidOperationException("compile failed");

        var caught = Assert.Throws<InvalidOperationException>(() => _trace.Source.Trace<int>("op.sync", _ => Throw(thrown)));

        Assert.Same(thrown, caught);
        AssertFailed(_trace.Single("op.sync"), caught);
    }

    [Fact]
    public async Task TraceAsyncOfT_BodyThrowsAfterAwait_ExceptionIsRecordedOnTheSpanAndRethrown()
    {
        var caught = await Assert.ThrowsAsync<TimeoutException>(() => _trace.Source.TraceAsync<int>("op.async.value", async _ =>
        {
            await Task.Yield();
            throw new TimeoutException("step timed out");
        }));

        AssertFailed(_trace.Single("op.async.value"), caught);
    }

    [Fact]
    public async Task TraceAsync_BodyThrowsAfterAwait_ExceptionIsRecordedOnTheSpanAndRethrown()
    {
        var caught = await Assert.ThrowsAsync<ArgumentException>(() => _trace.Source.TraceAsync("op.async", async _ =>
        {
            await Task.Yield();
            throw new ArgumentException("bad step name");
        }));

        AssertFailed(_trace.Single("op.async"), caught);
    }

    [Fact]
    public async Task TraceAsyncOfT_BodySucceeds_ValueComesBackAndSpanIsParentOfInnerSpans()
    {
        var result = await _trace.Source.TraceAsync("op.outer", async span =>
        {
            await Task.Yield();
            using var inner = _trace.Source.StartSpan("op.inner");
            return span?.SpanId.ToHexString();
        });

        var outer = _trace.Single("op.outer");
        var inner = _trace.Single("op.inner");
        Assert.Equal(outer.SpanId.ToHexString(), result);
        Assert.Equal(outer.SpanId, inner.ParentSpanId);
        Assert.Equal(outer.TraceId, inner.TraceId);
        Assert.Equal(ActivityStatusCode.Unset, outer.Status);
    }

    [Fact]
    public void Trace_NobodyListens_BodyRunsWithNullSpan()
    {
        using var silent = new ActivitySource("Obs.Tests.Tracing.Silent." + Guid.NewGuid().ToString("N"), "1.0.0");
        var ran = false;

        var result = silent.Trace("op.silent", span =>
        {
            ran = true;
            Assert.Null(span);
            return "done";
        });

        Assert.True(ran);
        Assert.Equal("done", result);
        Assert.Throws<InvalidOperationException>(() => silent.Trace<int>("op.silent.fail", _ => throw new InvalidOperationException("still rethrown")));
    }

    [Fact]
    public void StartSpan_NoParentGiven_CurrentSpanIsTheParent()
    {
        using (var parent = _trace.Source.StartSpan("span.parent"))
        using (var child = _trace.Source.StartSpan("span.child", ActivityKind.Client, [new("step.index", 3)]))
        {
            Assert.NotNull(parent);
            Assert.NotNull(child);
        }

        var parentSpan = _trace.Single("span.parent");
        var childSpan = _trace.Single("span.child");
        Assert.Equal(parentSpan.SpanId, childSpan.ParentSpanId);
        Assert.Equal(parentSpan.TraceId, childSpan.TraceId);
        Assert.Equal(default, parentSpan.ParentSpanId);
        Assert.Equal(ActivityKind.Client, childSpan.Kind);
        Assert.Equal(3, childSpan.GetTagItem("step.index"));
    }

    [Fact]
    public void StartSpan_ExplicitParentContext_WinsOverTheCurrentSpan()
    {
        Assert.True(W3CTraceContext.TryParse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null, out var remote));

        using (var ambient = _trace.Source.StartSpan("span.ambient"))
        using (var child = _trace.Source.StartSpan("span.remote_child", parent: remote))
        {
            Assert.NotNull(ambient);
            Assert.NotNull(child);
        }

        var span = _trace.Single("span.remote_child");
        Assert.Equal(remote.TraceId, span.TraceId);
        Assert.Equal(remote.SpanId, span.ParentSpanId);
        Assert.True(span.HasRemoteParent);
        Assert.NotEqual(_trace.Single("span.ambient").TraceId, span.TraceId);
    }

    [Fact]
    public void AddSpanAttribute_InsideASpan_SetsTheTagOnTheCurrentSpan()
    {
        using (var span = _trace.Source.StartSpan("span.attributed"))
        {
            using (_trace.Source.StartSpan("span.nested"))
            {
                ObsTracing.AddSpanAttribute("custom.param1", "value1");
            }

            ObsTracing.AddSpanAttribute("custom.count", 7);
        }

        Assert.Equal("value1", _trace.Single("span.nested").GetTagItem("custom.param1"));
        Assert.Null(_trace.Single("span.attributed").GetTagItem("custom.param1"));
        Assert.Equal(7, _trace.Single("span.attributed").GetTagItem("custom.count"));
    }

    [Fact]
    public void AddSpanAttribute_NoCurrentSpan_IsANoOp()
    {
        using (_trace.Source.StartSpan("span.finished"))
        {
        }

        ObsTracing.AddSpanAttribute("custom.orphan", "value");

        Assert.Null(Activity.Current);
        Assert.Null(_trace.Single("span.finished").GetTagItem("custom.orphan"));
    }

    private static int Throw(Exception exception) => throw exception;

    private static void AssertFailed(Activity span, Exception exception)
    {
        var typeName = exception.GetType().FullName;
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(exception.Message, span.StatusDescription);
        Assert.Equal(typeName, span.GetTagItem(AttributeKeys.Error.Type));

        var recorded = Assert.Single(span.Events);
        Assert.Equal(AttributeKeys.Error.ExceptionEvent, recorded.Name);
        var tags = recorded.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(typeName, tags[AttributeKeys.Error.ExceptionType]);
        Assert.Equal(exception.Message, tags[AttributeKeys.Error.ExceptionMessage]);
        var stackTrace = Assert.IsType<string>(tags[AttributeKeys.Error.ExceptionStacktrace]);
        Assert.Contains(nameof(ObsTracingTests), stackTrace, StringComparison.Ordinal);
    }
}
