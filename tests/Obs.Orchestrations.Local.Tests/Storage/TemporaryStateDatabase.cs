using Microsoft.Data.Sqlite;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Tests.Storage;

/// <summary>A state database file in its own temp directory, deleted with it.</summary>
internal sealed class TemporaryStateDatabase : IDisposable
{
    private readonly List<SqliteInstanceStore> _stores = [];

    public TemporaryStateDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "obs-store-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, ".obs", "state.db");
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>Opens a store on the file; it is disposed with this object.</summary>
    public SqliteInstanceStore Open(TimeSpan? busyTimeout = null)
    {
        var store = SqliteInstanceStore.Open(Path, busyTimeout);
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
