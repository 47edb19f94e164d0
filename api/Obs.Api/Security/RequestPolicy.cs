using Obs.Api.Validation;

namespace Obs.Api.Security;

/// <summary>
/// What a request may ask the server to run, and where: programs limited to <c>security.allowed_commands</c>
/// (when set), working directories confined to <see cref="ObsApiOptions.WorkingRoot"/>.
/// </summary>
public sealed class RequestPolicy
{
    // With an allowlist, a shell line must be one program and its arguments: these would chain or
    // substitute others.
    private static readonly char[] s_shellOperators = [';', '&', '|', '`', '$', '<', '>', '\n', '\r', '(', ')'];

    private readonly HashSet<string>? _allowed;

    public RequestPolicy(ObsApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.WorkingRoot));
        _allowed = options.AllowedCommands is { } allowed ? new HashSet<string>(allowed, StringComparer.Ordinal) : null;
    }

    /// <summary>The absolute working root.</summary>
    public string Root { get; }

    /// <summary>
    /// <paramref name="relative"/> resolved against <paramref name="baseDirectory"/>, or null (with a problem
    /// at <paramref name="path"/>) when it leaves the working root.
    /// </summary>
    public string? ResolveInsideRoot(string baseDirectory, string? relative, string path, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseDirectory, relative ?? ".")));
        if (IsInsideRoot(full))
        {
            return full;
        }

        problems.Add(path, $"'{relative}' resolves to {full}, outside the server's working root {Root}.");
        return null;
    }

    public bool IsInsideRoot(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        return string.Equals(fullPath, Root, StringComparison.Ordinal)
            || fullPath.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Root == Path.GetPathRoot(Root);
    }

    /// <summary>A relative glob (artifact pattern) that cannot climb out of the directory it is applied to.</summary>
    public static void CheckRelativePattern(string pattern, string path, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(problems);
        if (Path.IsPathRooted(pattern) || pattern.Replace('\\', '/').Split('/').Contains(".."))
        {
            problems.Add(path, $"'{pattern}' must be relative to the project and may not contain '..'.");
        }
    }

    /// <summary>Checks a program (an argument vector's first element) against the allowlist.</summary>
    public void CheckProgram(string? program, string path, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (_allowed is null || string.IsNullOrEmpty(program))
        {
            return;
        }

        if (!_allowed.Contains(program) && !_allowed.Contains(Path.GetFileName(program)))
        {
            problems.Add(path, $"'{program}' is not in the server's security.allowed_commands ({string.Join(", ", _allowed)}).");
        }
    }

    /// <summary>Checks a shell command line: with an allowlist, one allowed program and its arguments, no operators.</summary>
    public void CheckShellLine(string? line, string path, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (_allowed is null || string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (line.IndexOfAny(s_shellOperators) >= 0)
        {
            problems.Add(path, "shell operators (; & | ` $ < > parentheses, newlines) are not allowed while security.allowed_commands is set.");
            return;
        }

        CheckProgram(line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0], path, problems);
    }
}
