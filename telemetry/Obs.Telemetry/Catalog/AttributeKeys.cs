namespace Obs.Telemetry.Catalog;

/// <summary>
/// Every attribute key Obs writes, once: the original design's keys and, beside them, the
/// OpenTelemetry semantic-convention keys for the same facts (ARCHITECTURE.md, "Trace model").
/// </summary>
public static class AttributeKeys
{
    /// <summary>Original design: build spans.</summary>
    public static class Build
    {
        public const string ProjectPath = "build.project_path";
        public const string StepsCount = "build.steps_count";
        public const string Success = "build.success";
        public const string StepName = "build.step.name";
        public const string StepType = "build.step.type";
        public const string StepCommand = "build.step.command";
        public const string StepDuration = "build.step.duration";
        public const string StepExitCode = "build.step.exit_code";

        /// <summary>On a step that never ran: <c>skipped</c>, with <see cref="StepSkipReason"/>.</summary>
        public const string StepStatus = "build.step.status";
        public const string StepSkipReason = "build.step.skip_reason";

        /// <summary>True on a step whose failure does not fail the build (<c>continue_on_error</c>).</summary>
        public const string StepContinueOnError = "build.step.continue_on_error";
    }

    /// <summary>The <c>build.step.output</c> event a failed step carries: the tail of one output stream.</summary>
    public static class BuildStepOutput
    {
        public const string EventName = "build.step.output";
        public const string Stream = "output.stream";
        public const string Tail = "output.tail";
    }

    /// <summary>The <c>build.dependency_analysis</c> span.</summary>
    public static class BuildDependencies
    {
        public const string Count = "build.dependencies.count";
        public const string List = "build.dependencies.list";
        public const string ListTruncated = "build.dependencies.list_truncated";

        /// <summary><c>build.dependencies.&lt;ecosystem&gt;.count</c>, e.g. <c>build.dependencies.pypi.count</c>.</summary>
        public static string CountFor(string ecosystem) => "build.dependencies." + ecosystem + ".count";
    }

    /// <summary>The <c>build.artifact_collection</c> span.</summary>
    public static class BuildArtifacts
    {
        public const string Patterns = "build.artifacts.patterns";
        public const string Count = "build.artifacts.count";
        public const string TotalBytes = "build.artifacts.total_bytes";

        /// <summary>With <c>artifacts_upload</c>: artifacts uploaded, their bytes, and the blob container.</summary>
        public const string UploadCount = "build.artifacts.upload.count";
        public const string UploadBytes = "build.artifacts.upload.bytes";
        public const string UploadContainer = "build.artifacts.upload.container";
    }

    /// <summary>Original design and semantic conventions: test spans.</summary>
    public static class Test
    {
        public const string Framework = "test.framework";
        public const string SuiteTotal = "test.suite.total";
        public const string SuitePassed = "test.suite.passed";
        public const string SuiteFailed = "test.suite.failed";
        public const string SuiteSkipped = "test.suite.skipped";
        public const string SuiteDuration = "test.suite.duration";
        public const string CaseResult = "test.case.result";
        public const string CoveragePercentage = "test.coverage.percentage";

        /// <summary>Cases in error (setup/teardown failures, aborted runs), counted apart from failures.</summary>
        public const string SuiteErrors = "test.suite.errors";

        /// <summary>On a <c>test.file.&lt;file&gt;</c> span: case spans not emitted because of the cap.</summary>
        public const string CasesDropped = "test.cases.dropped";

        /// <summary>On the <c>test.coverage</c> span: the executed lines of the project's sources (test files left out).</summary>
        public const string CoverageLinesCovered = "test.coverage.lines_covered";

        /// <summary>On the <c>test.coverage</c> span: the measured lines of the project's sources (test files left out).</summary>
        public const string CoverageLinesValid = "test.coverage.lines_valid";

        // semantic conventions
        public const string CaseName = "test.case.name";
        public const string CaseResultStatus = "test.case.result.status";
        public const string SuiteName = "test.suite.name";
        public const string SuiteRunStatus = "test.suite.run.status";
    }

    /// <summary>Benchmark spans.</summary>
    public static class Benchmark
    {
        public const string Iterations = "benchmark.iterations";
        public const string Warmup = "benchmark.warmup";
        public const string Target = "benchmark.target";
        public const string Min = "benchmark.min_ms";
        public const string Mean = "benchmark.mean_ms";
        public const string P50 = "benchmark.p50_ms";
        public const string P95 = "benchmark.p95_ms";
        public const string P99 = "benchmark.p99_ms";
        public const string Max = "benchmark.max_ms";
        public const string StdDev = "benchmark.stddev_ms";
        public const string Throughput = "benchmark.throughput_per_second";
        public const string Errors = "benchmark.errors";

        /// <summary>Builtin target: spans created and ended per second through a real tracer provider.</summary>
        public const string SpansPerSecond = "benchmark.spans_per_second";

        /// <summary>Builtin target: nanoseconds to create and end one span.</summary>
        public const string NsPerSpan = "benchmark.ns_per_span";

        /// <summary>On a <c>benchmark.iteration</c> span: its 0-based index and its measured duration.</summary>
        public const string IterationIndex = "benchmark.iteration.index";
        public const string IterationDurationMs = "benchmark.iteration.duration_ms";
    }

    /// <summary>Start-up spans.</summary>
    public static class Startup
    {
        public const string Component = "startup.component";
        public const string DurationMs = "startup.duration_ms";
        public const string Target = "startup.target";
        public const string ReadyProbe = "startup.ready.probe";
        public const string TimeToFirstOutputMs = "startup.time_to_first_output_ms";
        public const string TimeToPortOpenMs = "startup.time_to_port_open_ms";
    }

    /// <summary>The events of a probed start-up (<c>startup.initialize</c> of an external program).</summary>
    public static class StartupEvents
    {
        public const string ProcessSpawned = "process.spawned";
        public const string FirstOutput = "process.first_output";
        public const string PortOpen = "port.open";
        public const string HealthOk = "health.ok";
        public const string LogMatched = "log.matched";
        public const string Ready = "ready";
        public const string Exited = "process.exited";
    }

    /// <summary>Original design's HTTP keys, kept beside the stable semantic conventions.</summary>
    public static class Http
    {
        public const string LegacyMethod = "http.method";
        public const string LegacyUrl = "http.url";
        public const string LegacyStatusCode = "http.status_code";
        public const string LegacyUserAgent = "http.user_agent";
        public const string LegacyRequestContentLength = "http.request_content_length";

        public const string RequestMethod = "http.request.method";
        public const string ResponseStatusCode = "http.response.status_code";
        public const string Route = "http.route";
        public const string UrlFull = "url.full";
        public const string UrlPath = "url.path";
        public const string UrlQuery = "url.query";
        public const string NetworkProtocolVersion = "network.protocol.version";
        public const string UserAgentOriginal = "user_agent.original";
        public const string RequestBodySize = "http.request.body.size";
    }

    /// <summary>Semantic conventions: process and CLI spans.</summary>
    public static class Process
    {
        public const string ExecutableName = "process.executable.name";
        public const string ExecutablePath = "process.executable.path";
        public const string ExitCode = "process.exit.code";
        public const string Pid = "process.pid";
        public const string CommandArgs = "process.command_args";
        public const string WorkingDirectory = "process.working_directory";
    }

    /// <summary>Semantic conventions: CI/CD pipelines and tasks.</summary>
    public static class Cicd
    {
        public const string PipelineName = "cicd.pipeline.name";
        public const string PipelineRunId = "cicd.pipeline.run.id";
        public const string PipelineResult = "cicd.pipeline.result";
        public const string TaskName = "cicd.pipeline.task.name";
        public const string TaskRunId = "cicd.pipeline.task.run.id";
        public const string TaskRunResult = "cicd.pipeline.task.run.result";
        public const string TaskType = "cicd.pipeline.task.type";
    }

    /// <summary>Semantic conventions: version control.</summary>
    public static class Vcs
    {
        public const string RefHeadName = "vcs.ref.head.name";
        public const string RefHeadRevision = "vcs.ref.head.revision";
        public const string RepositoryUrlFull = "vcs.repository.url.full";
    }

    /// <summary>Semantic conventions: where the code of a test case lives.</summary>
    public static class Code
    {
        /// <summary>The fully qualified function: <c>tests.test_more.ChunkedTests.test_even</c>, <c>Sample.Tests.CalcTests.Adds</c>.</summary>
        public const string FunctionName = "code.function.name";
        public const string FilePath = "code.file.path";
        public const string LineNumber = "code.line.number";
    }

    /// <summary>Semantic conventions: errors and exceptions.</summary>
    public static class Error
    {
        public const string Type = "error.type";
        public const string ExceptionEvent = "exception";
        public const string ExceptionType = "exception.type";
        public const string ExceptionMessage = "exception.message";
        public const string ExceptionStacktrace = "exception.stacktrace";
    }

    /// <summary>Resource attributes.</summary>
    public static class Resource
    {
        public const string ServiceName = "service.name";
        public const string ServiceVersion = "service.version";
        public const string ServiceInstanceId = "service.instance.id";
        public const string DeploymentEnvironmentName = "deployment.environment.name";
        public const string DeploymentEnvironmentLegacy = "deployment.environment";
        public const string HostName = "host.name";
        public const string OsType = "os.type";
        public const string ProcessPid = Process.Pid;
        public const string AppName = "app.name";
        public const string AppVersion = "app.version";
        public const string TelemetrySdkName = "telemetry.sdk.name";
        public const string TelemetrySdkLanguage = "telemetry.sdk.language";
        public const string TelemetrySdkVersion = "telemetry.sdk.version";
    }

    /// <summary>Obs' own keys for things no convention covers.</summary>
    public static class Obs
    {
        public const string RunName = "obs.run.name";
        public const string OrchestrationInstanceId = "obs.orchestration.instance_id";
        public const string OrchestrationName = "obs.orchestration.name";
        public const string OrchestrationStatus = "obs.orchestration.status";
        public const string OrchestrationAttempt = "obs.orchestration.attempt";
        public const string ActivityName = "obs.activity.name";
        public const string ActivityTaskId = "obs.activity.task_id";

        /// <summary>On a span link: why the spans are linked (e.g. <c>resumed_after_crash</c>).</summary>
        public const string LinkReason = "obs.link.reason";
    }
}
