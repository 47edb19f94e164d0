using System.Diagnostics;
using Obs.Orchestrations.Build;
using static Obs.Orchestrations.Tests.Build.BuildSteps;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>The Build orchestration on the real local engine, running real processes.</summary>
public sealed class BuildOrchestrationTests
{
    [Fact]
    public async Task Run_WithoutDependsOn_RunsStepsInDefinitionOrder()
    {
        await using var harness = await BuildHarness.StartAsync();

        var (_, result) = await harness.RunAsync(Definition(
            Command("one", "sleep 0.2; echo one >> order.txt"),
            Command("two", "echo two >> order.txt"),
            Command("three", "echo three >> order.txt")));

        Assert.True(result.Success);
        Assert.Equal(["one", "two", "three"], await File.ReadAllLinesAsync(harness.PathOf("order.txt")));
        Assert.All(result.Steps, s => Assert.Equal((BuildStepStatus.Succeeded, 0), (s.Status, s.ExitCode ?? -1)));
        Assert.All(result.Steps, s => Assert.Null(s.StdoutTail));
    }

    [Fact]
    public async Task Run_Dag_RunsIndependentStepsInParallelAndTheDependentAfterBoth()
    {
        await using var harness = await BuildHarness.StartAsync(maxConcurrentActivities: 4);
        var definition = Definition(
            Command("left", "date +%s%N > left.start; sleep 1; echo left >> order.txt; date +%s%N > left.end"),
            Command("right", "date +%s%N > right.start; sleep 1; echo right >> order.txt; date +%s%N > right.end"),
            Command("join", "echo join >> order.txt", "left", "right"));

        var (_, result) = await harness.RunAsync(definition);

        Assert.True(result.Success);
        var order = await File.ReadAllLinesAsync(harness.PathOf("order.txt"));
        Assert.Equal(["left", "right"], order[..2].Order());
        Assert.Equal("join", order[2]);

        // Overlap, read from the steps' own clocks rather than the test's: each started before the other ended.
        long Nanos(string file) => long.Parse(File.ReadAllText(harness.PathOf(file)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Nanos("left.start") < Nanos("right.end") && Nanos("right.start") < Nanos("left.end"), "the two steps did not overlap");
    }

    [Fact]
    public async Task Run_FailingStep_FailsBuildSkipsDependentsAndRunsIndependentBranch()
    {
        await using var harness = await BuildHarness.StartAsync();

        var (_, result) = await harness.RunAsync(Definition(
            Command("broken", "echo partial; echo oops >&2; exit 3"),
            Command("after_broken", "touch after_broken.txt", "broken"),
            Command("after_after", "touch after_after.txt", "after_broken"),
            Command("independent", "sleep 0.3; touch independent.txt")));

        Assert.False(result.Success);
        var steps = result.Steps.ToDictionary(s => s.Name);
        Assert.Equal((BuildStepStatus.Failed, 3), (steps["broken"].Status, steps["broken"].ExitCode ?? -1));
        Assert.Equal(["partial"], steps["broken"].StdoutTail);
        Assert.Equal(["oops"], steps["broken"].StderrTail);
        Assert.Equal(BuildStepStatus.Skipped, steps["after_broken"].Status);
        Assert.Equal(BuildStepStatus.Skipped, steps["after_after"].Status);
        Assert.Equal(BuildStepStatus.Succeeded, steps["independent"].Status);
        Assert.False(File.Exists(harness.PathOf("after_broken.txt")));
        Assert.True(File.Exists(harness.PathOf("independent.txt")));
        Assert.Equal(["broken", "after_broken", "after_after", "independent"], result.Steps.Select(s => s.Name));
        Assert.Contains("partial", harness.LinesOf("broken"));
    }

    [Fact]
    public async Task Run_ContinueOnError_RunsTheNextStepAndSucceeds()
    {
        await using var harness = await BuildHarness.StartAsync();

        var (_, result) = await harness.RunAsync(Definition(
            Command("flaky", "exit 1") with { ContinueOnError = true },
            Command("next", "touch next.txt")));

        Assert.True(result.Success);
        Assert.Equal([BuildStepStatus.Failed, BuildStepStatus.Succeeded], result.Steps.Select(s => s.Status));
        Assert.True(File.Exists(harness.PathOf("next.txt")));
    }

    [Fact]
    public async Task Run_Timeout_KillsTheProcessTreeAndReportsTimedOut()
    {
        await using var harness = await BuildHarness.StartAsync();

        // The grandchild would write the file after 3 s if the tree were not killed.
        var clock = Stopwatch.StartNew();
        var (_, result) = await harness.RunAsync(Definition(
            Command("slow", "sh -c 'sleep 3; touch survived.txt' & wait") with { Timeout = 0.5 }));
        clock.Stop();

        var step = Assert.Single(result.Steps);
        Assert.Equal(BuildStepStatus.TimedOut, step.Status);
        Assert.Null(step.ExitCode);
        Assert.False(result.Success);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(File.Exists(harness.PathOf("survived.txt")), "a process of the tree outlived the timeout");
    }

    [Fact]
    public async Task Run_PythonStep_RunsTheModuleWithArgsInItsWorkingDir()
    {
        await using var harness = await BuildHarness.StartAsync();
        Directory.CreateDirectory(harness.PathOf("data"));
        await File.WriteAllTextAsync(harness.PathOf("data/in.json"), "{\"b\":1,\"a\":2}");

        var (_, result) = await harness.RunAsync(Definition(new BuildStepDefinition
        {
            Name = "format_json",
            Type = BuildStepTypes.Python,
            Module = "json.tool",
            Args = ["--sort-keys", "--compact", "in.json", "out.json"],
            WorkingDir = "data",
        }));

        Assert.True(result.Success, string.Join('\n', result.Steps.SelectMany(s => s.StderrTail ?? [])));
        Assert.Equal("{\"a\":2,\"b\":1}", (await File.ReadAllTextAsync(harness.PathOf("data/out.json"))).Trim());
    }

    [Fact]
    public async Task Run_InvalidDefinition_RunsNothingAndListsProblems()
    {
        await using var harness = await BuildHarness.StartAsync();

        var (_, result) = await harness.RunAsync(Definition(Command("a", "touch a.txt", "missing")));

        Assert.False(result.Success);
        Assert.Contains(result.Problems!, p => p.Contains("'missing'", StringComparison.Ordinal));
        Assert.Empty(result.Steps);
        Assert.False(File.Exists(harness.PathOf("a.txt")));
    }

    [Fact]
    public async Task Run_DependenciesAndArtifacts_AreAnalyzedAndCollected()
    {
        await using var harness = await BuildHarness.StartAsync();
        await File.WriteAllTextAsync(harness.PathOf("requirements.txt"), "requests==2.31.0\n");

        var (_, result) = await harness.RunAsync(Definition(Command("make", "mkdir -p dist && printf 'hello\\n' > dist/app.bin")) with
        {
            AnalyzeDependencies = true,
            Artifacts = ["dist/*.bin"],
        });

        Assert.True(result.Success);
        var dependency = Assert.Single(result.Dependencies!);
        Assert.Equal("requests@2.31.0", dependency.ToString());
        var artifact = Assert.Single(result.Artifacts!);
        Assert.Equal(("dist/app.bin", 6L, "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"), (artifact.Path, artifact.Bytes, artifact.Sha256));
    }
}
