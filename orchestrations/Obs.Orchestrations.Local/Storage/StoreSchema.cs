using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>
/// The database layout as an ordered list of migrations. Migration <c>n</c> (1-based) moves the schema
/// from version <c>n - 1</c> to <c>n</c>; released migrations are never edited, only appended to.
/// </summary>
internal static class StoreSchema
{
    /// <summary>The SQL list of terminal status values, for <c>status IN (...)</c>.</summary>
    public static readonly string TerminalStatuses = string.Join(
        ", ",
        Enum.GetValues<OrchestrationRuntimeStatus>()
            .Where(s => s.IsTerminal())
            .Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));

    private static readonly string[] Migrations =
    [
        // 1: instances, their history and their pending work.
        """
        CREATE TABLE instances (
            instance_id        TEXT    NOT NULL PRIMARY KEY,
            name               TEXT    NOT NULL,
            status             INTEGER NOT NULL,
            input              TEXT,
            output             TEXT,
            custom_status      TEXT,
            failure_json       TEXT,
            created_at         INTEGER NOT NULL,
            last_updated_at    INTEGER NOT NULL,
            completed_at       INTEGER,
            trace_id           TEXT    NOT NULL,
            span_id            TEXT    NOT NULL,
            parent_span_id     TEXT,
            trace_state        TEXT,
            sampled            INTEGER NOT NULL,
            attempt            INTEGER NOT NULL,
            attempt_started_at INTEGER NOT NULL,
            first_span_id      TEXT    NOT NULL,
            owner              TEXT,
            lease_expires_at   INTEGER,
            replayed_through   INTEGER NOT NULL
        );
        CREATE INDEX ix_instances_status_created ON instances (status, created_at, instance_id);
        CREATE INDEX ix_instances_created ON instances (created_at, instance_id);
        CREATE INDEX ix_instances_owner_lease ON instances (owner, lease_expires_at);

        CREATE TABLE history (
            instance_id  TEXT    NOT NULL REFERENCES instances (instance_id) ON DELETE CASCADE,
            seq          INTEGER NOT NULL,
            kind         INTEGER NOT NULL,
            timestamp    INTEGER NOT NULL,
            task_id      INTEGER NOT NULL,
            name         TEXT,
            payload      TEXT,
            fire_at      INTEGER,
            failure_json TEXT,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE work (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT    NOT NULL REFERENCES instances (instance_id) ON DELETE CASCADE,
            kind        INTEGER NOT NULL,
            task_id     INTEGER NOT NULL,
            name        TEXT,
            input       TEXT,
            due_at      INTEGER NOT NULL
        );
        CREATE INDEX ix_work_instance ON work (instance_id, id);
        CREATE INDEX ix_work_timers_due ON work (due_at) WHERE kind = 2;
        """,
    ];

    /// <summary>The newest version this build knows.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Brings the database to <see cref="LatestVersion"/> in one write transaction; a no-op when it is there.</summary>
    /// <exception cref="OrchestrationStoreException">The file is another application's database, or newer than this build.</exception>
    public static void Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = ReadVersion(connection, transaction, path);
        if (version > LatestVersion)
        {
            throw StoreErrors.TooNew(path, version, LatestVersion);
        }

        for (var next = version + 1; next <= LatestVersion; next++)
        {
            Execute(connection, transaction, Migrations[next - 1]);
        }

        if (version != LatestVersion)
        {
            Execute(connection, transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($v);", LatestVersion);
        }

        transaction.Commit();
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        using var probe = connection.CreateCommand();
        probe.Transaction = transaction;
        probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt64(probe.ExecuteScalar(), CultureInfo.InvariantCulture) == 1)
        {
            probe.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
            return Convert.ToInt32(probe.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        // An empty file becomes ours; another application's database is left alone.
        probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%';";
        if (Convert.ToInt64(probe.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
        {
            throw StoreErrors.NotValid(path, "it is a SQLite database of another application");
        }

        Execute(connection, transaction, "CREATE TABLE schema_version (version INTEGER NOT NULL);");
        return 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, int? version = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (version is { } v)
        {
            command.Parameters.AddWithValue("$v", v);
        }

        command.ExecuteNonQuery();
    }
}
