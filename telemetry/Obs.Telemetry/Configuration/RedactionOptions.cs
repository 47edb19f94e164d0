namespace Obs.Telemetry.Configuration;

/// <summary><c>tracing.redaction</c>: secrets are scrubbed from span and event attributes before export.</summary>
public sealed class RedactionOptions
{
    /// <summary><c>enabled</c>; on by default. Turning it off is for debugging only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>patterns</c>: extra regular expressions; every match (or its first group, if any) is replaced.</summary>
    public IList<string> Patterns { get; } = [];

    /// <summary>
    /// Literal secrets the host knows (<c>obs serve</c>'s function keys), masked wherever they appear, whatever their
    /// length. Not read from configuration; found with one vectorised search, not a regular expression each.
    /// </summary>
    public IList<string> Values { get; } = [];
}
