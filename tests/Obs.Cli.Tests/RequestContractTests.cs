using System.Text.Json;
using Obs.Api;
using Obs.Api.Endpoints;
using Obs.Api.Security;
using Obs.Api.Validation;

namespace Obs.Cli.Tests;

/// <summary>
/// The CLI and the API reject the same invalid request with the same problems: both ask the request record
/// (<c>Validate()</c>), the CLI printing one <c>obs: error:</c> line per problem, the route binding them at <c>$</c>.
/// </summary>
public sealed class RequestContractTests
{
    [Fact]
    public async Task Benchmark_ZeroIterations_SameProblemsFromCliAndApi()
    {
        var cli = await InProcessObs.RunAsync("--exporter", "none", "benchmark", "--iterations", "0", "--warmup", "-1", "--", "true");
        var api = Bind(new BenchmarkRoute(), """{"iterations":0,"warmup":-1,"target":{"kind":"command","command":["true"]}}""");

        Assert.Equal(["iterations must be at least 1.", "warmup must not be negative."], api);
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal(api, ErrorLines(cli.Stderr));
    }

    [Fact]
    public async Task Test_UnknownFramework_SameProblemFromCliAndApi()
    {
        var cli = await InProcessObs.RunAsync("--exporter", "none", "test", "--framework", "mocha");
        var api = Bind(new TestRoute(), """{"framework":"mocha"}""");

        Assert.Equal(["unknown test framework 'mocha': use pytest, dotnet or junit"], api);
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal(api, ErrorLines(cli.Stderr));
    }

    [Fact]
    public async Task Test_JUnitWithoutCommand_SameProblemFromCliAndApi()
    {
        var cli = await InProcessObs.RunAsync("--exporter", "none", "test", "--framework", "junit");
        var api = Bind(new TestRoute(), """{"framework":"junit"}""");

        Assert.Equal(["the junit framework needs a command that writes JUnit XML to {report}"], api);
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal(api, ErrorLines(cli.Stderr));
    }

    [Fact]
    public async Task Startup_BadPortRegexAndTimeout_SameProblemsFromCliAndApi()
    {
        var cli = await InProcessObs.RunAsync("--exporter", "none", "startup", "--target", "true", "--ready-port", "70000", "--ready-log", "(", "--timeout", "0");
        var api = Bind(new StartupRoute(), """{"command":"true","ready":{"port":70000,"log_regex":"("},"timeout_seconds":0}""");

        Assert.Equal(["ready.port 70000 is not a TCP port.", "ready.log_regex '(' is not a valid regular expression.", "timeout_seconds must be positive."], api);
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal(api, ErrorLines(cli.Stderr));
    }

    /// <summary>The problems <paramref name="route"/> binds <paramref name="body"/> with at the body's root (<c>$</c>).</summary>
    private static string[] Bind(StartRoute route, string body)
    {
        using var document = JsonDocument.Parse(body);
        var problems = new ProblemList();
        var policy = new RequestPolicy(new ObsApiOptions { WorkingRoot = Path.GetTempPath() });

        Assert.Null(route.Bind(document.RootElement, policy, problems));
        return problems.ToErrors()[ProblemList.Root];
    }

    private static string[] ErrorLines(string stderr) =>
        [.. stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("obs: error: ", StringComparison.Ordinal))
            .Select(line => line["obs: error: ".Length..])];
}
