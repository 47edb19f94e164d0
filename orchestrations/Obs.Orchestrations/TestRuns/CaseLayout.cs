namespace Obs.Orchestrations.TestRuns;

/// <summary>A case placed in time: its reported start, or the end of the case before it.</summary>
internal readonly record struct CaseLayout(TestCaseReport Case, DateTimeOffset Start, DateTimeOffset End)
{
    public static List<CaseLayout> Of(TestSuiteReport suite, DateTimeOffset suiteStart)
    {
        var layout = new List<CaseLayout>(suite.Cases.Count);
        var cursor = suiteStart;
        foreach (var testCase in suite.Cases)
        {
            var start = testCase.StartTime ?? cursor;
            cursor = start + testCase.Duration;
            layout.Add(new CaseLayout(testCase, start, cursor));
        }

        return layout;
    }
}
