namespace Obs.Cli;

/// <summary>
/// Bad usage or invalid configuration, found anywhere in a verb: one line per problem on stderr and exit
/// code 2, in one place (<see cref="ObsCommandLine.InvokeAsync"/>). Verbs throw it instead of printing
/// and returning early.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems.Count > 0 ? problems : ["invalid usage"];
    }

    public UsageException(string problem)
        : this([problem])
    {
    }

    public UsageException()
        : this("invalid usage")
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>What is wrong, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
