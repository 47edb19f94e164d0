using System.Globalization;
using Microsoft.Data.Sqlite;
using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>
/// The local engine's state: instances, their append-only history and their pending work, in one SQLite
/// file (WAL). Every change an engine makes is one transaction, so a killed process leaves either the whole
/// episode or none of it.
/// </summary>
/// <remarks>
/// Thread-safe: one connection guarded by a lock. SQLite admits one writer at a time anyway, and a single
/// connection lets the hot paths (<see cref="CompleteWork"/>, <see cref="CommitEpisode(string, string, IReadOnlyList{HistoryEvent}, IReadOnlyList{WorkItem}, InstanceUpdate)"/>,
/// <see cref="GetHistory"/>) reuse compiled statements. Several engines (processes or store objects) may share
/// one file: their write transactions start with <c>BEGIN IMMEDIATE</c> and wait up to the busy timeout.
/// </remarks>
public sealed partial class SqliteInstanceStore : IDisposable
{
    private static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private readonly StoreStatements _statements;
    private readonly TimeSpan _busyTimeout;
    private bool _disposed;

    private SqliteInstanceStore(string path, SqliteConnection connection, TimeSpan busyTimeout)
    {
        Path = path;
        _connection = connection;
        _busyTimeout = busyTimeout;
        _statements = new StoreStatements(connection);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (creating when missing, with its directory) the state database at <paramref name="path"/> and
    /// brings its schema up to date.
    /// </summary>
    /// <param name="path">The database file, e.g. <c>.obs/state.db</c>.</param>
    /// <param name="busyTimeout">How long to wait for another process's write to finish (default 5 s; rounded up to whole seconds, at least 1).</param>
    /// <exception cref="OrchestrationStoreException">The file is not a database, is corrupt, locked, newer than this build, or not writable.</exception>
    public static SqliteInstanceStore Open(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        ArgumentOutOfRangeException.ThrowIfNegative((busyTimeout ?? DefaultBusyTimeout).Ticks, nameof(busyTimeout));
        var timeout = WholeSeconds(busyTimeout ?? DefaultBusyTimeout);
        CreateDirectory(fullPath);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Microsoft.Data.Sqlite re-polls a busy statement until this many whole seconds have passed, on top
            // of SQLite's own busy_timeout below (which sleeps in finer steps); equal values keep the wait at one timeout.
            DefaultTimeout = (int)timeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;"));
            StoreSchema.Migrate(connection, fullPath);
            return new SqliteInstanceStore(fullPath, connection, timeout);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw StoreErrors.Translate(ex, fullPath, timeout);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Adds an instance and its first history event (seq 0) together.
    /// </summary>
    /// <returns>False, changing nothing, when an instance with that id exists.</returns>
    public bool CreateInstance(InstanceRecord instance, HistoryEvent executionStarted)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(executionStarted);
        return Locked(() =>
        {
            using var transaction = Begin();
            using var insert = Command(transaction, $"INSERT INTO instances ({StoreRows.InstanceColumns}) VALUES ({StoreRows.InstanceValues}) ON CONFLICT (instance_id) DO NOTHING;");
            StoreRows.BindInstance(insert, instance);
            if (insert.ExecuteNonQuery() == 0)
            {
                return false;
            }

            AppendHistory(transaction, instance.InstanceId, 0, executionStarted);
            transaction.Commit();
            return true;
        });
    }

    /// <summary>The instance row, or null when unknown.</summary>
    public InstanceRecord? GetInstance(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return Locked(() => ReadInstance(null, instanceId));
    }

    /// <summary>The instance's history in order, with <see cref="HistoryEvent.Sequence"/> set; empty when unknown.</summary>
    public IReadOnlyList<HistoryEvent> GetHistory(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return Locked(() =>
        {
            var select = Bound(_statements.SelectHistory, null).Bind("$instance_id", instanceId);
            using var reader = select.ExecuteReader();
            var events = new List<HistoryEvent>();
            while (reader.Read())
            {
                events.Add(StoreRows.ReadHistoryEvent(reader));
            }

            return events;
        });
    }

    /// <summary>How many history events the instance has.</summary>
    public int CountHistory(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return Locked(() =>
        {
            using var count = Command(null, "SELECT count(*) FROM history WHERE instance_id = $instance_id;").Bind("$instance_id", instanceId);
            return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Closes the database (checkpointing the WAL when this was the last connection).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _statements.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Runs <paramref name="action"/> alone on the connection, translating SQLite errors.</summary>
    private T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return action();
            }
            catch (SqliteException ex)
            {
                throw StoreErrors.Translate(ex, Path, _busyTimeout);
            }
        }
    }

    /// <summary>A write transaction (<c>BEGIN IMMEDIATE</c>): takes the write lock up front so reads in it cannot go stale.</summary>
    private SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static SqliteCommand Bound(SqliteCommand prepared, SqliteTransaction? transaction)
    {
        prepared.Transaction = transaction;
        return prepared;
    }

    private InstanceRecord? ReadInstance(SqliteTransaction? transaction, string instanceId)
    {
        var select = Bound(_statements.SelectInstance, transaction).Bind("$instance_id", instanceId);
        using var reader = select.ExecuteReader();
        return reader.Read() ? StoreRows.ReadInstance(reader) : null;
    }

    private long NextSequence(SqliteTransaction transaction, string instanceId) =>
        Bound(_statements.LastSequence, transaction).Bind("$instance_id", instanceId).ExecuteScalar() is long last ? last + 1 : 0;

    private void AppendHistory(SqliteTransaction transaction, string instanceId, long sequence, HistoryEvent historyEvent)
    {
        var insert = Bound(_statements.InsertHistory, transaction);
        StoreRows.BindHistoryEvent(insert, instanceId, sequence, historyEvent);
        insert.ExecuteNonQuery();
    }

    private static TimeSpan WholeSeconds(TimeSpan timeout) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(timeout.TotalSeconds)));

    private static void CreateDirectory(string fullPath)
    {
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OrchestrationStoreException(
                fullPath, $"Cannot create the directory of the Obs state database {fullPath} ({ex.Message}): check its permissions or set another path.", ex);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
