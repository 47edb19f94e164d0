using System.Diagnostics;
using System.Globalization;
using Obs.Orchestrations.Processes;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The <c>RunTestTarget</c> activity: runs one target's test process under the activity span (the
/// child inherits its <c>TRACEPARENT</c>), parses the report it wrote, and writes its spans. For a
/// pytest file or a .NET test project the activity span is the <c>test.file.&lt;target&gt;</c> span
/// and the <c>test.case.*</c> spans are its children; for a <c>junit</c> command it is
/// <c>test.command</c>, with a <c>test.file.*</c> child per file of the report. Failing tests are a
/// result; a target that left no report (crash, usage error, timeout) is a result with an error and
/// the output tail.
/// </summary>
public sealed class RunTestTargetActivity : TaskActivity<TestTargetInput, TestTargetResult>
{
    private readonly Action<ProcessOutputLine, string>? _onOutput;
    private readonly ActivitySource _source;

    /// <param name="onOutput">Receives every output line with the target's name; called from background threads.</param>
    /// <param name="source">Where test spans are written; <see cref="ObsActivitySources.Test"/> by default.</param>
    public RunTestTargetActivity(Action<ProcessOutputLine, string>? onOutput = null, ActivitySource? source = null)
    {
        _onOutput = onOutput;
        _source = source ?? ObsActivitySources.Test;
    }

    public override async Task<TestTargetResult> RunAsync(TaskActivityContext context, TestTargetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var (request, target) = (input.Request, input.Target);

        // A pytest file or a .NET test project is one thing, so its activity is its test.file.* span;
        // a junit command may run many files, which become its children.
        context.Span?.DisplayName = request.Framework == TestRunRequest.JUnit ? SpanNames.TestCommand : SpanNames.TestFile(target);
        var reports = Directory.CreateTempSubdirectory("obs-test-").FullName;
        try
        {
            var coverageData = request.Coverage && request.Framework == TestFramework.Pytest ? PytestCoverageData.FileOf(context.InstanceId, target) : null;
            if (coverageData is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(coverageData)!);
            }

            var command = TestCommandResolver.Resolve(request, target, reports, coverageDataFile: coverageData);
            Action<ProcessOutputLine>? forward = _onOutput is { } onOutput ? line => onOutput(line, target) : null;
            ProcessResult? failedStep = null;
            if (TestingPlatformRunner.Applies(request))
            {
                (command, failedStep) = await TestingPlatformRunner.PrepareAsync(command, request, target, reports, forward, context.CancellationToken).ConfigureAwait(false);
            }

            var spec = command.Process with { OnOutput = forward };
            var span = context.Span;
            StartTags(span, request.Framework, target, spec);
            var process = failedStep ?? await ChildProcessRunner.RunAsync(spec, context.CancellationToken).ConfigureAwait(false);
            if (process.Cancelled && context.CancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"Test target '{target}' was cancelled.", context.CancellationToken);
            }

            var result = Read(command, target, process, span, request);
            EndTags(span, result, process);
            return result;
        }
        finally
        {
            TryDelete(reports);
        }
    }

    private TestTargetResult Read(TestTargetCommand command, string target, ProcessResult process, Activity? span, TestRunRequest request)
    {
        int? exitCode = process.StartError is null && !process.TimedOut ? process.ExitCode : null;
        if (process.StartError is not null || process.TimedOut || !File.Exists(command.ReportPath))
        {
            var why = process.StartError
                ?? (process.TimedOut ? $"timed out after {process.Duration.TotalSeconds:0.#} s" : $"exited with code {process.ExitCode} without writing a test report");
            return new TestTargetResult { Target = target, ExitCode = exitCode, Error = why, OutputTail = Tail(process) };
        }

        TestReport report;
        try
        {
            report = command.ReportFormat == TrxReportParser.Format
                ? new TrxReportParser().ParseFile(command.ReportPath)
                : new JUnitXmlReportParser().ParseFile(command.ReportPath);
        }
        catch (TestReportFormatException ex)
        {
            return new TestTargetResult { Target = target, ExitCode = exitCode, Error = ex.Message, OutputTail = Tail(process) };
        }

        if (command.ReportFormat == TrxReportParser.Format)
        {
            report = XunitReportExceptionTypes.Apply(report, Path.Combine(Path.GetDirectoryName(command.ReportPath) ?? ".", TestApplicationOptions.XunitReportFileName));
        }

        if (request.Framework == TestFramework.Pytest)
        {
            report = PytestNodeId.Apply(report, target);
        }

        var options = new TestSpanOptions { CaseSpans = request.CaseSpans, MaxCaseSpans = request.MaxCaseSpans, FallbackStartTime = process.StartedAt };
        var writer = new TestSpanWriter(_source);
        var summary = span is not null && request.Framework != TestRunRequest.JUnit
            ? writer.WriteCases(span, report, options)
            : writer.Write(span?.Context ?? Activity.Current?.Context ?? default, report, options);
        var coverage = ReadCoverage(command.CoveragePath);
        var failures = report.Cases.Where(c => c.Outcome is TestOutcome.Failed or TestOutcome.Error).ToList();

        return new TestTargetResult
        {
            Target = target,
            Total = summary.Total,
            Passed = summary.Passed,
            Failed = summary.Failed,
            Skipped = summary.Skipped,
            Errors = summary.Errors,
            DurationSeconds = summary.Duration.TotalSeconds,
            CoveragePercentage = coverage?.LinePercentage,
            LinesCovered = coverage?.LinesCovered,
            LinesValid = coverage?.LinesValid,
            ExitCode = exitCode,
            // A run that failed with every case passing (e.g. a collection error pytest reports as its exit code) keeps its tail.
            OutputTail = !process.Succeeded && failures.Count == 0 ? Tail(process) : null,
            Failures = [.. failures.Take(TestTargetResult.MaxFailures).Select(c => ToFailure(target, c))],
        };
    }

    private static CoverageReport? ReadCoverage(string? path)
    {
        var file = path switch
        {
            null => null,
            _ when Directory.Exists(path) => Directory.EnumerateFiles(path, "coverage.cobertura.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault(),
            _ when File.Exists(path) => path,
            _ => null,
        };
        if (file is null)
        {
            return null;
        }

        try
        {
            return new CoberturaReportParser().ParseFile(file);
        }
        catch (TestReportFormatException)
        {
            return null;
        }
    }

    private static TestRunFailure ToFailure(string target, TestCaseReport testCase) => new()
    {
        Target = target,
        Name = testCase.Name,
        Id = testCase.Id,
        ClassName = testCase.ClassName,
        Result = TestOutcomeNames.Of(testCase.Outcome),
        Type = testCase.FailureType,
        Message = testCase.FailureMessage is { Length: > TestRunFailure.MaxMessageLength } message
            ? string.Concat(message.AsSpan(0, TestRunFailure.MaxMessageLength), "…")
            : testCase.FailureMessage,
    };

    private static string[] Tail(ProcessResult process) => [.. process.StdoutTail, .. process.StderrTail];

    private static void StartTags(Activity? span, string framework, string target, ProcessSpec spec)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(AttributeKeys.Test.Framework, framework);
        span.SetTag(AttributeKeys.Test.SuiteName, target);
        span.SetTag(AttributeKeys.Process.ExecutableName, Path.GetFileName(spec.FileName));
        span.SetTag(AttributeKeys.Process.CommandArgs, (string[])[spec.FileName, .. spec.Arguments]);
        span.SetTag(AttributeKeys.Process.WorkingDirectory, spec.WorkingDirectory);
    }

    private static void EndTags(Activity? span, TestTargetResult result, ProcessResult process)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(AttributeKeys.Test.SuiteTotal, result.Total);
        span.SetTag(AttributeKeys.Test.SuitePassed, result.Passed);
        span.SetTag(AttributeKeys.Test.SuiteFailed, result.Failed);
        span.SetTag(AttributeKeys.Test.SuiteSkipped, result.Skipped);
        span.SetTag(AttributeKeys.Test.SuiteErrors, result.Errors);
        span.SetTag(AttributeKeys.Test.SuiteDuration, result.DurationSeconds);
        span.SetTag(AttributeKeys.Test.SuiteRunStatus, result.Succeeded ? "success" : "failure");
        span.SetTag(AttributeKeys.Test.CoveragePercentage, result.CoveragePercentage);
        span.SetTag(AttributeKeys.Process.ExitCode, process.ExitCode);
        span.SetTag(AttributeKeys.Process.Pid, process.Pid);
        if (result.Succeeded)
        {
            span.SetStatus(ActivityStatusCode.Ok);
        }
        else if (result.Error is { } error)
        {
            var type = process.StartError is not null ? "start_error" : process.TimedOut ? "timeout" : "no_report";
            span.SetError(type, error);
        }
        else
        {
            span.SetError("test_failure", string.Create(CultureInfo.InvariantCulture, $"{result.Failed} failed, {result.Errors} errors"));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
