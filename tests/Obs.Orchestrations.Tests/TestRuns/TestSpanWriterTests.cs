using System.Diagnostics;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Keys = Obs.Telemetry.Catalog.AttributeKeys;

namespace Obs.Orchestrations.Tests.TestRuns;

public sealed class TestSpanWriterTests : IDisposable
{
    private readonly TraceCapture _trace = new();
    private readonly ActivityContext _parent = TraceCapture.NewParent();

    public void Dispose() => _trace.Dispose();

    private TestRunSummary Write(string fixture = JUnitFixtures.Pytest, TestSpanOptions? options = null) =>
        new TestSpanWriter(_trace.Source).Write(
            _parent, new JUnitXmlReportParser().Parse(new StringReader(fixture), "report.xml"), options);

    [Fact]
    public void Write_PytestReport_FileSpansUnderTheParentAndCaseSpansUnderTheirFile()
    {
        Write();

        var files = _trace.Named(SpanNames.TestFilePrefix);
        var cases = _trace.Named(SpanNames.TestCasePrefix);
        Assert.Equal([SpanNames.TestFile("tests/test_db.py"), SpanNames.TestFile("tests/test_math.py")], files.Select(f => f.DisplayName));
        Assert.All(files, f => Assert.Equal(_parent.SpanId, f.ParentSpanId));
        Assert.All(_trace.Spans, s => Assert.Equal(_parent.TraceId, s.TraceId));
        Assert.Equal(6, cases.Count);

        var math = files[1];
        var mathCases = cases.Where(c => c.ParentSpanId == math.SpanId).Select(c => c.DisplayName);
        Assert.Equal(
            ["test.case.test_add[1-2-3]", "test.case.test_add[2-2-5]", "test.case.test_skip", "test.case.test_div"],
            mathCases);
    }

    [Fact]
    public void Write_FileSpan_CarriesSuiteNameCountsAndStatus()
    {
        Write();

        var math = _trace.Named(SpanNames.TestFile("tests/test_math.py")).Single();
        Assert.Equal("tests/test_math.py", math.GetTagItem(Keys.Test.SuiteName));
        Assert.Equal(4, math.GetTagItem(Keys.Test.SuiteTotal));
        Assert.Equal(1, math.GetTagItem(Keys.Test.SuitePassed));
        Assert.Equal(2, math.GetTagItem(Keys.Test.SuiteFailed));
        Assert.Equal(1, math.GetTagItem(Keys.Test.SuiteSkipped));
        Assert.Equal(0, math.GetTagItem(Keys.Test.SuiteErrors));
        Assert.Equal("failure", math.GetTagItem(Keys.Test.SuiteRunStatus));
        Assert.Equal(ActivityStatusCode.Error, math.Status);
        Assert.Null(math.GetTagItem(Keys.Test.CasesDropped));
    }

    [Fact]
    public void Write_CaseSpans_UseTheReportsTimes()
    {
        Write();

        var start = new JUnitXmlReportParser().Parse(new StringReader(JUnitFixtures.Pytest), "r").StartTime!.Value.UtcDateTime;
        var known = _trace.Named("test.case.test_known").Single();
        var db = _trace.Named(SpanNames.TestFile("tests/test_db.py")).Single();
        var math = _trace.Named(SpanNames.TestFile("tests/test_math.py")).Single();

        Assert.Equal(start.AddMilliseconds(10), known.StartTimeUtc);
        Assert.Equal(TimeSpan.FromMilliseconds(20), known.Duration);
        Assert.Equal(start, db.StartTimeUtc);
        Assert.Equal(TimeSpan.FromMilliseconds(30), db.Duration);
        Assert.Equal(start.AddMilliseconds(30), math.StartTimeUtc);
    }

    [Fact]
    public void Write_ZeroDurationCase_EndsAtItsStartNotNow()
    {
        Write();

        var skip = _trace.Named("test.case.test_skip").Single();

        Assert.Equal(TimeSpan.FromTicks(1), skip.Duration);
    }

    [Fact]
    public void Write_CaseResults_AreOriginalWordsPlusConventionStatus()
    {
        Write();

        (object?, object?, object?) Tags(string name)
        {
            var span = _trace.Named(name).Single();
            return (span.GetTagItem(Keys.Test.CaseName), span.GetTagItem(Keys.Test.CaseResult), span.GetTagItem(Keys.Test.CaseResultStatus));
        }

        Assert.Equal(("test_add[1-2-3]", "passed", "pass"), Tags("test.case.test_add[1-2-3]"));
        Assert.Equal(("test_add[2-2-5]", "failed", "fail"), Tags("test.case.test_add[2-2-5]"));
        Assert.Equal(("test_conn", "error", "fail"), Tags("test.case.test_conn"));
        Assert.Equal(("test_skip", "skipped", (object?)null), Tags("test.case.test_skip"));
        Assert.Equal(ActivityStatusCode.Unset, _trace.Named("test.case.test_skip").Single().Status);
    }

    [Fact]
    public void Write_FailedCase_HasAnExceptionEventAndErrorStatus()
    {
        Write();

        var div = _trace.Named("test.case.test_div").Single();
        var exception = Assert.Single(div.Events);

        Assert.Equal(ActivityStatusCode.Error, div.Status);
        Assert.Equal("ZeroDivisionError: division by zero", div.StatusDescription);
        Assert.Equal("ZeroDivisionError", div.GetTagItem(Keys.Error.Type));
        Assert.Equal(Keys.Error.ExceptionEvent, exception.Name);
        var tags = exception.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("ZeroDivisionError", tags[Keys.Error.ExceptionType]);
        Assert.Equal("ZeroDivisionError: division by zero", tags[Keys.Error.ExceptionMessage]);
        Assert.EndsWith("tests/test_math.py:14: ZeroDivisionError", (string?)tags[Keys.Error.ExceptionStacktrace], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FailedOnly_EmitsOnlyFailuresAndErrors()
    {
        var summary = Write(options: new TestSpanOptions { CaseSpans = CaseSpanMode.Failed });

        Assert.Equal(
            ["test.case.test_add[2-2-5]", "test.case.test_conn", "test.case.test_div"],
            _trace.Named(SpanNames.TestCasePrefix).Select(c => c.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal(3, summary.CaseSpansEmitted);
        Assert.Equal(2, _trace.Named(SpanNames.TestFilePrefix).Count);
    }

    [Fact]
    public void Write_None_EmitsFileSpansOnlyWithTheirCounts()
    {
        var summary = Write(options: new TestSpanOptions { CaseSpans = CaseSpanMode.None });

        Assert.Empty(_trace.Named(SpanNames.TestCasePrefix));
        Assert.Equal([2, 4], _trace.Named(SpanNames.TestFilePrefix).Select(f => f.GetTagItem(Keys.Test.SuiteTotal)));
        Assert.Equal(new TestRunSummary(6, 1, 2, 2, 1, TimeSpan.FromMilliseconds(50)), summary);
    }

    [Fact]
    public void Write_OverTheCap_StopsAndCountsDroppedOnTheFileSpan()
    {
        var summary = Write(options: new TestSpanOptions { MaxCaseSpans = 3 });

        var files = _trace.Named(SpanNames.TestFilePrefix);
        Assert.Equal(3, _trace.Named(SpanNames.TestCasePrefix).Count);
        Assert.Null(files[0].GetTagItem(Keys.Test.CasesDropped));
        Assert.Equal(3, files[1].GetTagItem(Keys.Test.CasesDropped));
        Assert.Equal((3, 3), (summary.CaseSpansEmitted, summary.CaseSpansDropped));
        Assert.Equal(6, summary.Total);
    }

    [Fact]
    public void Write_ReportWithoutTimes_LaysSpansOutFromTheFallback()
    {
        var fallback = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Write(JUnitFixtures.Surefire, new TestSpanOptions { FallbackStartTime = fallback });

        var divides = _trace.Named("test.case.divides").Single();
        Assert.Equal(fallback.UtcDateTime.AddMilliseconds(10), divides.StartTimeUtc);
        Assert.Equal(TimeSpan.FromMilliseconds(20), divides.Duration);
        Assert.Equal("org.opentest4j.AssertionFailedError", divides.GetTagItem(Keys.Error.Type));
    }

    [Fact]
    public void Write_TrxReport_CaseSpansKeepTheirReportedStarts()
    {
        var report = new TrxReportParser().Parse(new StringReader(TrxFixtures.XUnitRun), "run.trx");

        new TestSpanWriter(_trace.Source).Write(_parent, report);

        var remove = _trace.Named("test.case.Shop.Tests.CartTests.Remove").Single();
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 1, 500, DateTimeKind.Utc), remove.StartTimeUtc);
        Assert.Equal(TimeSpan.FromMilliseconds(250), remove.Duration);
        Assert.Equal("System.InvalidOperationException", remove.GetTagItem(Keys.Error.Type));
        Assert.Equal(SpanNames.TestFile("Shop.Tests.CartTests"), _trace.Spans.Single(s => s.SpanId == remove.ParentSpanId).DisplayName);
    }

    [Fact]
    public void Write_LeavesTheCallersCurrentActivityAlone()
    {
        using var outer = _trace.Source.StartActivity("outer");

        Write();

        Assert.Same(outer, Activity.Current);
    }

    [Fact]
    public void Write_NobodyListening_StillSummarises()
    {
        using var silent = new ActivitySource($"silent.{Guid.NewGuid():N}");
        var report = new JUnitXmlReportParser().Parse(new StringReader(JUnitFixtures.Pytest), "report.xml");

        var summary = new TestSpanWriter(silent).Write(_parent, report);

        Assert.Equal((6, 2, 1, 0), (summary.Total, summary.Failed, summary.Errors, summary.CaseSpansEmitted));
        Assert.False(summary.Succeeded);
    }
}
