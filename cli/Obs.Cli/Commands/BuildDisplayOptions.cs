using System.CommandLine;
using Obs.Cli.Output;

namespace Obs.Cli.Commands;

/// <summary>
/// How a build is shown, the same for <c>obs build</c> and <c>obs resume</c>: live progress (a status
/// line on a terminal, streamed step output in CI logs) unless <c>--no-progress</c>, and <c>--format</c>.
/// </summary>
public sealed class BuildDisplayOptions
{
    public Option<bool> NoProgress { get; } = new("--no-progress")
    {
        Description = "Plain output: no live step lines, only the summary.",
    };

    public Option<OutputFormat> Format { get; } = ValueOptions.OneOf(
        "--format", "text (a summary for people) or json (for machines), on stdout.", OutputFormat.Text);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(NoProgress);
        command.Options.Add(Format);
    }

    /// <summary>Whether progress is shown while the build runs (text output without --no-progress).</summary>
    public bool IsLive(ParseResult parse) => !parse.GetValue(NoProgress) && parse.GetValue(Format) == OutputFormat.Text;

    /// <summary>
    /// Whether step output is streamed to stderr: in CI logs every line is; on a terminal the live
    /// status line replaces it (failures show their tail in the summary) unless --verbose.
    /// </summary>
    public bool StreamsOutput(ParseResult parse, bool verbose) => IsLive(parse) && (!LiveProgress.IsTerminal || verbose);
}
