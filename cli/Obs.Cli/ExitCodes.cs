namespace Obs.Cli;

/// <summary>Exit codes of <c>obs</c> itself; a wrapped command's own exit code passes through unchanged.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The build or test run failed (a step or a test failed).</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or invalid configuration: one line on stderr says what.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in obs itself (an unexpected exception): sysexits' EX_SOFTWARE.</summary>
    public const int InternalError = 70;

    /// <summary>The command to run does not exist or cannot be executed (the shell's convention).</summary>
    public const int CommandNotFound = 127;

    /// <summary>Interrupted (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
