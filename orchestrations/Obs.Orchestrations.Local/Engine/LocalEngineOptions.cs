namespace Obs.Orchestrations.Local.Engine;

/// <summary>Settings of the embedded engine.</summary>
public sealed class LocalEngineOptions
{
    public const string DefaultDatabasePath = ".obs/state.db";

    /// <summary>The SQLite state file; relative paths resolve against the current directory.</summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>At most this many activities run at once (default: processor count).</summary>
    public int MaxConcurrentActivities { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Who this engine is in the lease table. An engine restarted with the same id resumes its own
    /// unfinished instances at once; others wait for the lease to expire.
    /// </summary>
    public string OwnerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How long a lease lasts without renewal: how soon another engine takes over a dead one's instances.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often leases are renewed and orphaned instances looked for.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock (tests use a fake one for timers and leases).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws when a setting cannot work, naming it.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException("DatabasePath must name a file.", nameof(DatabasePath));
        }

        if (MaxConcurrentActivities < 1)
        {
            throw new ArgumentException($"MaxConcurrentActivities must be at least 1 (was {MaxConcurrentActivities}).", nameof(MaxConcurrentActivities));
        }

        if (HeartbeatInterval <= TimeSpan.Zero || LeaseDuration <= HeartbeatInterval)
        {
            throw new ArgumentException($"LeaseDuration ({LeaseDuration}) must be longer than HeartbeatInterval ({HeartbeatInterval}), which must be positive.", nameof(LeaseDuration));
        }
    }
}
