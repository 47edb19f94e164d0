using System.Diagnostics;

namespace Obs.Functions.Tests.Conformance;

/// <summary>
/// Whether pytest runs here as Obs finds it (<c>pytest</c> on PATH, else <c>python3 -m pytest</c>).
/// Without it test-run scenarios return early, unless <c>OBS_REQUIRE_PYTEST=1</c> (test.sh) makes that a failure.
/// </summary>
internal static class Pytest
{
    private static readonly Lazy<bool> s_available = new(Probe);

    public static bool IsAvailable() => s_available.Value
        || (Environment.GetEnvironmentVariable("OBS_REQUIRE_PYTEST") == "1"
            ? throw new InvalidOperationException("OBS_REQUIRE_PYTEST=1 but pytest does not run here")
            : false);

    private static bool Probe()
    {
        foreach (var (program, arguments) in new[] { ("pytest", "--version"), ("python3", "-m pytest --version") })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
                if (process is not null && process.WaitForExit(TimeSpan.FromSeconds(30)) && process.ExitCode == 0)
                {
                    return true;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return false;
    }
}
