namespace Obs.Telemetry.Spool;

/// <summary>Sends spooled lines to one backend.</summary>
public interface ISpoolSender : IDisposable
{
    /// <summary>The backend, as messages name it: <c>otlp http://localhost:4317</c>.</summary>
    string Description { get; }

    /// <summary>Sends one TracesData line; null when the backend accepted it, else the error in its words.</summary>
    Task<string?> SendAsync(string line, CancellationToken cancellationToken);
}
