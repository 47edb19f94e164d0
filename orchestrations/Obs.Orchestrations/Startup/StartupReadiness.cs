using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Startup;

/// <summary>
/// When a probed program counts as ready. Every probe given must pass (e.g. the port is open AND the
/// URL answers 2xx); at least one is required.
/// </summary>
public sealed record StartupReadiness
{
    /// <summary>Ready when a GET of this URL returns 2xx (event <c>health.ok</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Ready when a line of stdout or stderr matches this .NET regular expression (event <c>log.matched</c>).</summary>
    [JsonPropertyName("log_regex")]
    public string? LogRegex { get; init; }

    /// <summary>Ready when a TCP connection to this port on 127.0.0.1 is accepted (event <c>port.open</c>).</summary>
    [JsonPropertyName("port")]
    public int? Port { get; init; }

    /// <summary>The probes given, in the order <c>log</c>, <c>port</c>, <c>url</c>: <c>startup.ready.probe</c> joins them with '+'.</summary>
    public IReadOnlyList<string> Probes()
    {
        var probes = new List<string>(3);
        if (LogRegex is not null)
        {
            probes.Add(StartupProbeKinds.Log);
        }

        if (Port is not null)
        {
            probes.Add(StartupProbeKinds.Port);
        }

        if (Url is not null)
        {
            probes.Add(StartupProbeKinds.Url);
        }

        return probes;
    }
}

/// <summary>The values of <c>startup.ready.probe</c>.</summary>
public static class StartupProbeKinds
{
    public const string Url = "url";
    public const string Log = "log";
    public const string Port = "port";
}
