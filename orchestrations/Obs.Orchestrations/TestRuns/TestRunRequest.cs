using System.Globalization;
using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>The input of the <c>Test</c> orchestration: which tests to run, how, and how to trace them.</summary>
public sealed record TestRunRequest
{
    /// <summary>The <c>junit</c> framework: any command that writes JUnit XML to <c>{report}</c>.</summary>
    public const string JUnit = JUnitXmlReportParser.Format;

    /// <summary>The placeholder a <c>junit</c> command writes its report to.</summary>
    public const string ReportPlaceholder = "{report}";

    /// <summary><c>pytest</c>, <c>dotnet</c> or <c>junit</c>.</summary>
    [JsonPropertyName("framework")]
    public string Framework { get; init; } = TestFramework.Pytest;

    /// <summary>The directory tests are found in and run from (absolute; a relative one is resolved against the engine's directory).</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = ".";

    /// <summary>Run every target at once (the engine bounds concurrency), else one after another.</summary>
    [JsonPropertyName("parallel")]
    public bool Parallel { get; init; }

    /// <summary>Measure line coverage (pytest-cov, or coverlet's <c>XPlat Code Coverage</c>).</summary>
    [JsonPropertyName("coverage")]
    public bool Coverage { get; init; }

    /// <summary>Ask the runner for per-test output (pytest <c>-v</c> instead of <c>-q</c>, dotnet's console logger at normal verbosity).</summary>
    [JsonPropertyName("verbose")]
    public bool Verbose { get; init; }

    /// <summary>
    /// Replaces the framework's command: pytest's <c>pytest</c>, dotnet's <c>dotnet test</c> (the target and report
    /// options are appended). For <c>junit</c> it is required and is the whole command, with <c>{report}</c> replaced
    /// by the report's path in every argument.
    /// </summary>
    [JsonPropertyName("command")]
    public IReadOnlyList<string>? Command { get; init; }

    [JsonPropertyName("case_spans")]
    [JsonConverter(typeof(TestRunCaseSpansConverter))]
    public CaseSpanMode CaseSpans { get; init; } = CaseSpanMode.All;

    /// <summary>The most <c>test.case.*</c> spans per target.</summary>
    [JsonPropertyName("max_case_spans")]
    public int MaxCaseSpans { get; init; } = TestSpanOptions.DefaultMaxCaseSpans;

    /// <summary>How long one target's process may run before its tree is killed; none when null.</summary>
    [JsonPropertyName("timeout_seconds")]
    public double? TimeoutSeconds { get; init; }

    /// <summary>Environment overrides for the test processes (a null value removes a variable).</summary>
    [JsonPropertyName("env")]
    public IReadOnlyDictionary<string, string?>? Env { get; init; }

    /// <summary>Every problem with the request, empty when it can run; the CLI and the API both reject on these.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        switch (Framework)
        {
            case TestFramework.Pytest or TestFramework.Dotnet:
                break;
            case JUnit when Command is not { Count: > 0 }:
                problems.Add($"the junit framework needs a command that writes JUnit XML to {ReportPlaceholder}");
                break;
            case JUnit:
                break;
            default:
                problems.Add($"unknown test framework '{Framework}': use pytest, dotnet or junit");
                break;
        }

        if (MaxCaseSpans < 0)
        {
            problems.Add("max_case_spans must not be negative.");
        }

        if (TimeoutSeconds is <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"timeout_seconds must be positive, not {TimeoutSeconds}."));
        }

        return problems;
    }
}
