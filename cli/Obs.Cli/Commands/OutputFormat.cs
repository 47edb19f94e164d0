namespace Obs.Cli.Commands;

/// <summary><c>--format</c>: a readable summary for people, or JSON on stdout for machines.</summary>
public enum OutputFormat
{
    Text,
    Json,
}
