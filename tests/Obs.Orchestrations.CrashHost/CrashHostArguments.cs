using System.Globalization;

namespace Obs.Orchestrations.CrashHost;

/// <summary>
/// The host's command line: <c>db-path lines-path owner-id instance-id step-count step-delay-ms [lease-ms]</c>.
/// </summary>
internal sealed record CrashHostArguments(
    string DatabasePath,
    string LinesPath,
    string OwnerId,
    string InstanceId,
    int StepCount,
    TimeSpan StepDelay,
    TimeSpan? LeaseDuration)
{
    public const string Usage = "usage: crash-host <db-path> <lines-path> <owner-id> <instance-id> <step-count> <step-delay-ms> [lease-ms]";

    /// <summary>Parses <paramref name="args"/>; null when they do not fit <see cref="Usage"/>.</summary>
    public static CrashHostArguments? Parse(string[] args)
    {
        if (args.Length is < 6 or > 7
            || !int.TryParse(args[4], NumberStyles.None, CultureInfo.InvariantCulture, out var steps)
            || !int.TryParse(args[5], NumberStyles.None, CultureInfo.InvariantCulture, out var delayMs))
        {
            return null;
        }

        TimeSpan? lease = null;
        if (args.Length == 7)
        {
            if (!int.TryParse(args[6], NumberStyles.None, CultureInfo.InvariantCulture, out var leaseMs) || leaseMs < 100)
            {
                return null;
            }

            lease = TimeSpan.FromMilliseconds(leaseMs);
        }

        return new CrashHostArguments(args[0], args[1], args[2], args[3], steps, TimeSpan.FromMilliseconds(delayMs), lease);
    }
}
