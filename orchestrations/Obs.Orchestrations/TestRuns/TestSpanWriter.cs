using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Keys = Obs.Telemetry.Catalog.AttributeKeys;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Turns a parsed <see cref="TestReport"/> into the original design's spans, after the fact and
/// with the report's own times: one <c>test.file.&lt;file&gt;</c> span per suite/file under the given
/// parent, with a <c>test.case.&lt;name&gt;</c> child per case.
/// </summary>
/// <remarks>
/// Case spans are named <c>test.case.&lt;name in the file&gt;</c> (for pytest <c>Class::test_x[1-2]</c>) and carry
/// <c>test.case.name</c> (the pytest node id, else the report's name, parametrized ids included),
/// <c>code.function.name</c>/<c>code.file.path</c>/<c>code.line.number</c> where known,
/// <c>test.case.result</c> (<c>passed</c>|<c>failed</c>|<c>skipped</c>|<c>error</c>) and the
/// semantic convention's <c>test.case.result.status</c>, which only defines <c>pass</c>|<c>fail</c>:
/// errors are <c>fail</c>, and skipped cases get no status attribute at all (their
/// <c>test.case.result</c> says <c>skipped</c>). Failures and errors add an <c>exception</c> event
/// and set the Error status. File spans carry <c>test.suite.name</c> (the file), the counts by outcome,
/// <c>test.suite.run.status</c>, and the Error status when any case failed or errored; cases past
/// <see cref="TestSpanOptions.MaxCaseSpans"/> are counted in <c>test.cases.dropped</c>. Cases without a start time in the report are laid end to end from
/// their file's start. A zero duration is written as one tick, because <see cref="Activity.Stop"/>
/// replaces an end time equal to the start with "now".
/// </remarks>
public sealed class TestSpanWriter
{
    private readonly ActivitySource _source;

    /// <summary>Writes on <see cref="ObsActivitySources.Test"/>.</summary>
    public TestSpanWriter()
        : this(ObsActivitySources.Test)
    {
    }

    /// <summary>Writes on <paramref name="source"/> (tests give each run its own).</summary>
    public TestSpanWriter(ActivitySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>Emits the spans of <paramref name="report"/> under <paramref name="parent"/> and returns its totals.</summary>
    public TestRunSummary Write(ActivityContext parent, TestReport report, TestSpanOptions? options = null) =>
        Emit(report, options, (budget, opts) =>
        {
            var cursor = report.StartTime ?? opts.FallbackStartTime ?? DateTimeOffset.UtcNow - report.Duration;
            foreach (var suite in report.Suites)
            {
                cursor = WriteFile(parent, suite, cursor, budget);
            }
        });

    /// <summary>
    /// Emits every case of <paramref name="report"/> as a direct child of <paramref name="file"/>, the
    /// open span of the one file or project the report covers (a pytest file, a .NET test project):
    /// the report's suites are no level of their own. Cases are kept inside the span, from its start
    /// to now, whatever the report's clock says.
    /// </summary>
    public TestRunSummary WriteCases(Activity file, TestReport report, TestSpanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Emit(report, options, (budget, opts) =>
        {
            var bounds = (new DateTimeOffset(file.StartTimeUtc, TimeSpan.Zero), DateTimeOffset.UtcNow);
            var cursor = report.StartTime ?? opts.FallbackStartTime ?? bounds.Item2 - report.Duration;
            var dropped = 0;
            foreach (var suite in report.Suites)
            {
                var start = suite.Timestamp ?? suite.Cases.FirstOrDefault(c => c.StartTime is not null)?.StartTime ?? cursor;
                var layout = CaseLayout.Of(suite, start);
                dropped += WriteCases(file.Context, layout, budget, bounds);
                cursor = layout.Count == 0 ? start + suite.Duration : layout.Max(l => l.End);
            }

            if (dropped > 0)
            {
                file.SetTag(Keys.Test.CasesDropped, dropped);
            }
        });
    }

    /// <summary>
    /// The report's totals, and, when anyone listens, the spans <paramref name="write"/> emits within one
    /// case-span budget, with <see cref="Activity.Current"/> as it was afterwards.
    /// </summary>
    private TestRunSummary Emit(TestReport report, TestSpanOptions? options, Action<CaseSpanBudget, TestSpanOptions> write)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new TestSpanOptions();
        var summary = report.Summarize();
        if (!_source.HasListeners())
        {
            return summary;
        }

        var previous = Activity.Current;
        try
        {
            var budget = new CaseSpanBudget(options);
            write(budget, options);
            return summary with { CaseSpansEmitted = budget.Emitted, CaseSpansDropped = budget.Dropped };
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <returns>Where the next file starts when it has no time of its own.</returns>
    private DateTimeOffset WriteFile(ActivityContext parent, TestSuiteReport suite, DateTimeOffset cursor, CaseSpanBudget budget)
    {
        var start = suite.Timestamp ?? suite.Cases.FirstOrDefault(c => c.StartTime is not null)?.StartTime ?? cursor;
        var layout = CaseLayout.Of(suite, start);
        var end = layout.Count == 0 ? start + suite.Duration : Max(start + suite.Duration, layout.Max(l => l.End));

        using var file = _source.StartActivity(SpanNames.TestFile(suite.Name), ActivityKind.Internal, parent, FileTags(suite), startTime: start);
        if (file is null)
        {
            return end;
        }

        var dropped = WriteCases(file.Context, layout, budget, (start, end));
        if (dropped > 0)
        {
            file.SetTag(Keys.Test.CasesDropped, dropped);
        }

        if (suite.Failed + suite.Errors > 0)
        {
            file.SetStatus(ActivityStatusCode.Error, $"{suite.Failed} failed, {suite.Errors} errors");
        }

        Finish(file, start, end);
        return end;
    }

    /// <returns>How many cases the budget dropped.</returns>
    private int WriteCases(ActivityContext parent, List<CaseLayout> layout, CaseSpanBudget budget, (DateTimeOffset Start, DateTimeOffset End) bounds)
    {
        var dropped = 0;
        foreach (var (testCase, caseStart, caseEnd) in layout)
        {
            switch (budget.Take(testCase))
            {
                case CaseSpanDecision.Write:
                    var start = Clamp(caseStart, bounds);
                    WriteCase(parent, testCase, start, Max(start, Clamp(caseEnd, bounds)));
                    break;
                case CaseSpanDecision.Drop:
                    dropped++;
                    break;
                default:
                    break;
            }
        }

        return dropped;
    }

    private static DateTimeOffset Clamp(DateTimeOffset time, (DateTimeOffset Start, DateTimeOffset End) bounds) =>
        time < bounds.Start ? bounds.Start : time > bounds.End ? bounds.End : time;

    private void WriteCase(ActivityContext parent, TestCaseReport testCase, DateTimeOffset start, DateTimeOffset end)
    {
        using var span = _source.StartActivity(SpanNames.TestCase(testCase.LocalName ?? testCase.Name), ActivityKind.Internal, parent, CaseTags(testCase), startTime: start);
        if (span is null)
        {
            return;
        }

        if (testCase.Outcome is TestOutcome.Failed or TestOutcome.Error)
        {
            var type = testCase.FailureType ?? TestOutcomeNames.Of(testCase.Outcome);
            span.SetTag(Keys.Error.Type, type);
            span.AddEvent(new ActivityEvent(Keys.Error.ExceptionEvent, end, new ActivityTagsCollection
            {
                [Keys.Error.ExceptionType] = type,
                [Keys.Error.ExceptionMessage] = testCase.FailureMessage,
                [Keys.Error.ExceptionStacktrace] = testCase.Details,
            }));
            span.SetStatus(ActivityStatusCode.Error, testCase.FailureMessage);
        }

        Finish(span, start, end);
    }

    private static List<KeyValuePair<string, object?>> FileTags(TestSuiteReport suite) =>
    [
        new(Keys.Test.SuiteName, suite.Name),
        new(Keys.Test.SuiteTotal, suite.Total),
        new(Keys.Test.SuitePassed, suite.Passed),
        new(Keys.Test.SuiteFailed, suite.Failed),
        new(Keys.Test.SuiteSkipped, suite.Skipped),
        new(Keys.Test.SuiteErrors, suite.Errors),
        new(Keys.Test.SuiteDuration, suite.Duration.TotalSeconds),
        new(Keys.Test.SuiteRunStatus, suite.Failed + suite.Errors > 0 ? "failure" : "success"),
    ];

    private static List<KeyValuePair<string, object?>> CaseTags(TestCaseReport testCase)
    {
        List<KeyValuePair<string, object?>> tags =
        [
            new(Keys.Test.CaseName, testCase.Id ?? testCase.Name),
            new(Keys.Test.CaseResult, TestOutcomeNames.Of(testCase.Outcome)),
            new(Keys.Code.FunctionName, FunctionName(testCase)),
        ];
        if (testCase.File is { } file)
        {
            tags.Add(new(Keys.Code.FilePath, file));
        }

        if (testCase.Line is { } line)
        {
            tags.Add(new(Keys.Code.LineNumber, line));
        }

        if (testCase.Outcome != TestOutcome.Skipped)
        {
            tags.Add(new(Keys.Test.CaseResultStatus, testCase.Outcome == TestOutcome.Passed ? "pass" : "fail"));
        }

        return tags;
    }

    /// <summary>The class and the function without its parameters (<c>test_x[1-2]</c> → <c>test_x</c>, <c>Adds(1, 2)</c> → <c>Adds</c>).</summary>
    private static string FunctionName(TestCaseReport testCase)
    {
        var name = testCase.Name;
        var cut = name.IndexOfAny(['[', '(']);
        var function = cut > 0 ? name[..cut] : name;
        return string.IsNullOrEmpty(testCase.ClassName) || function.StartsWith(testCase.ClassName + ".", StringComparison.Ordinal)
            ? function
            : testCase.ClassName + "." + function;
    }

    private static void Finish(Activity span, DateTimeOffset start, DateTimeOffset end)
    {
        span.SetEndTime((end > start ? end : start.AddTicks(1)).UtcDateTime);
        span.Stop();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
