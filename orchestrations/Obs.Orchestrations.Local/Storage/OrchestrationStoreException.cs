namespace Obs.Orchestrations.Local.Storage;

/// <summary>
/// The state database cannot be used: not a database, corrupt, locked, too new, or not writable.
/// The message names the path and says what to do.
/// </summary>
public sealed class OrchestrationStoreException : Exception
{
    public OrchestrationStoreException()
    {
    }

    public OrchestrationStoreException(string message)
        : base(message)
    {
    }

    public OrchestrationStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error about the database at <paramref name="path"/>.</summary>
    public OrchestrationStoreException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = path;
    }

    /// <summary>The state database's path, when known.</summary>
    public string? DatabasePath { get; }
}
