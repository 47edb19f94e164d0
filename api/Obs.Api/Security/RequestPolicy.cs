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

    // With an allowlist, requests may not set these: they choose which program runs or what it loads.
    private static readonly string[] s_programChoosingVariables = ["PATH", "BASH_ENV", "ENV", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "NODE_OPTIONS", "DOTNET_STARTUP_HOOKS", "DOTNET_ROOT", "PERL5OPT", "RUBYOPT"];

    private readonly HashSet<string>? _allowed;

    public RequestPolicy(ObsApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = RealPath(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.WorkingRoot)));
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
        if (relative is not null && relative.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add(path, "must not contain a NUL character.");
            return null;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseDirectory, relative ?? ".")));
        if (IsInsideRoot(full))
        {
            return full;
        }

        problems.Add(path, $"'{relative}' resolves to {full}, outside the server's working root {Root}.");
        return null;
    }

    /// <summary>Whether <paramref name="fullPath"/>, with every symbolic link on it resolved, lies inside the root.</summary>
    public bool IsInsideRoot(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var real = RealPath(fullPath);
        return string.Equals(real, Root, StringComparison.Ordinal)
            || real.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
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

        // A bare name is looked up on PATH (which requests may not change, see CheckEnvironment); a
        // path must be allowed as written, or "/tmp/x/echo" would pass for "echo".
        if (!_allowed.Contains(program))
        {
            problems.Add(path, $"'{program}' is not in the server's security.allowed_commands ({string.Join(", ", _allowed)}).");
        }
    }

    /// <summary>
    /// With an allowlist, a request may not set the variables that decide which program actually runs or
    /// what it loads (<c>PATH</c>, <c>LD_*</c>, <c>DYLD_*</c>, interpreter start-up hooks).
    /// </summary>
    public void CheckEnvironment(IReadOnlyDictionary<string, string?>? environment, string path, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (_allowed is null || environment is null)
        {
            return;
        }

        foreach (var name in environment.Keys.Where(IsProgramChoosing))
        {
            problems.Add(ProblemList.Join(path, name), "may not be set while security.allowed_commands is set: it changes which program runs or what it loads.");
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

    private static bool IsProgramChoosing(string name) =>
        s_programChoosingVariables.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.StartsWith("LD_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DYLD_", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="fullPath"/> with each existing symbolic link along it replaced by its final target.</summary>
    private static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
            }
        }

        return current.Length == 0 ? fullPath : current;
    }
}
