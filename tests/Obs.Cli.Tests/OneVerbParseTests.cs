namespace Obs.Cli.Tests;

/// <summary>
/// A command line that names its verb plainly is parsed with that verb alone (the start-up fast path); anything
/// less certain — help, version, an error, a verb-named value — gets null, so the whole tree parses it instead.
/// </summary>
public sealed class OneVerbParseTests
{
    [Theory]
    [InlineData(new[] { "--exporter", "none", "run", "--", "true" }, "run")]
    [InlineData(new[] { "run", "--name", "build", "--", "obs", "build" }, "run")]
    [InlineData(new[] { "-c", "obs.yaml", "build", "--no-progress" }, "build")]
    [InlineData(new[] { "status", "--format", "json" }, "status")]
    public void PlainVerb_IsParsedByATreeOfThatVerbAlone(string[] args, string verb)
    {
        var parse = ObsCommandLine.ParseOneVerb(args, InProcessObs.NewConsole(out _, out _));

        Assert.NotNull(parse);
        Assert.Equal(verb, parse.CommandResult.Command.Name);
        Assert.Equal([verb], parse.RootCommandResult.Command.Subcommands.Select(c => c.Name));
        Assert.Empty(parse.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--help")]
    [InlineData("run --help")]
    [InlineData("build -h")]
    [InlineData("--version")]
    [InlineData("bulid")]
    [InlineData("run --nme x -- true")]
    [InlineData("run true")]
    [InlineData("-c build run -- true")]
    [InlineData("-- run")]
    [InlineData("[diagram] run -- true")]
    public void AnythingLessCertain_FallsBackToTheWholeTree(string commandLine) =>
        Assert.Null(ObsCommandLine.ParseOneVerb(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), InProcessObs.NewConsole(out _, out _)));

    [Fact]
    public void WholeTree_HasEveryVerbTheFastPathKnows()
    {
        var console = InProcessObs.NewConsole(out _, out _);
        foreach (var verb in ObsCommandLine.Build(console).Subcommands)
        {
            Assert.Equal([verb.Name], ObsCommandLine.BuildOne(verb.Name, console).Subcommands.Select(c => c.Name));
        }
    }
}
