namespace Obs.Telemetry.Catalog;

/// <summary>
/// Every span name Obs emits, once. The original design's names are kept exactly; where a name
/// carries a variable part (<c>build.step.&lt;name&gt;</c>) the same value is also recorded as an
/// attribute so backends can group on it.
/// </summary>
public static class SpanNames
{
    public const string BuildExecute = "build.execute";
    public const string BuildStepPrefix = "build.step.";
    public const string BuildDependencyAnalysis = "build.dependency_analysis";
    public const string BuildArtifactCollection = "build.artifact_collection";

    /// <summary>The activity that leaves a span for each step that never ran.</summary>
    public const string BuildSkippedSteps = "build.skipped_steps";

    public const string StartupInitialize = "startup.initialize";
    public const string StartupConfigLoad = "startup.config.load";
    public const string StartupDependenciesLoad = "startup.dependencies.load";
    public const string StartupResourcesInitialize = "startup.resources.initialize";
    public const string StartupHealthChecks = "startup.health_checks";

    /// <summary>The orchestration span of a start-up probe started over HTTP (<c>POST /startup</c>); <see cref="StartupInitialize"/> is its grandchild.</summary>
    public const string StartupProbe = "startup.probe";

    /// <summary>The <c>ProbeStartup</c> activity under <see cref="StartupProbe"/>: one launch of the program, <see cref="StartupInitialize"/> its child.</summary>
    public const string StartupProbeRun = "startup.probe.run";

    public const string TestSuiteExecute = "test.suite.execute";
    public const string TestFilePrefix = "test.file.";
    public const string TestCasePrefix = "test.case.";

    /// <summary>Finding the targets (pytest files, .NET test projects) under <c>test.suite.execute</c>.</summary>
    public const string TestDiscovery = "test.discovery";

    /// <summary>
    /// A <c>junit</c> run's one command, under <c>test.suite.execute</c>: its report's files are its
    /// <c>test.file.*</c> children. A pytest file or a .NET test project is itself the <c>test.file.*</c> span.
    /// </summary>
    public const string TestCommand = "test.command";

    /// <summary>
    /// A pytest run's coverage, under <c>test.suite.execute</c> after the <c>test.file.*</c> spans: <c>coverage combine</c>
    /// of every file's data and one <c>coverage xml</c> without the test files and <c>conftest.py</c>; its
    /// <c>test.coverage.percentage</c> is the run's.
    /// </summary>
    public const string TestCoverage = "test.coverage";

    public const string BenchmarkPerformanceTest = "benchmark.performance_test";

    /// <summary>The <c>RunBenchmark</c> activity: warm-up and every measured iteration, under the orchestration span.</summary>
    public const string BenchmarkRun = "benchmark.run";

    /// <summary>One measured iteration (only when the request asks for per-iteration spans).</summary>
    public const string BenchmarkIteration = "benchmark.iteration";

    /// <summary>The spans the builtin benchmark target creates on a private source (exported nowhere).</summary>
    public const string BenchmarkBuiltinSample = "benchmark.builtin.sample";

    /// <summary><c>obs run</c> without <c>--name</c>: the CLI-span convention's <c>{process.executable.name}</c>.</summary>
    public const string RunFallback = "obs.run";

    public static string BuildStep(string stepName) => BuildStepPrefix + stepName;

    public static string TestFile(string file) => TestFilePrefix + file;

    public static string TestCase(string caseName) => TestCasePrefix + caseName;
}
