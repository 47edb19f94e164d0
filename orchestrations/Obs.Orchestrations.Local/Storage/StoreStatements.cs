using Microsoft.Data.Sqlite;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>
/// The hot-path commands, compiled once per connection and re-bound on every call: an activity completion
/// costs a few statement steps instead of a few SQL parses.
/// </summary>
internal sealed class StoreStatements : IDisposable
{
    private readonly List<SqliteCommand> _all = [];

    public StoreStatements(SqliteConnection connection)
    {
        SelectInstance = Prepare(connection, $"SELECT {StoreRows.InstanceColumns} FROM instances WHERE instance_id = $instance_id;");
        SelectHistory = Prepare(connection, $"SELECT {StoreRows.HistoryColumns} FROM history WHERE instance_id = $instance_id ORDER BY seq;");
        // A bare max() is answered by one seek on the primary key; wrapped in an expression it scans the instance's history.
        LastSequence = Prepare(connection, "SELECT max(seq) FROM history WHERE instance_id = $instance_id;");
        InsertHistory = Prepare(
            connection,
            $"INSERT INTO history (instance_id, {StoreRows.HistoryColumns}) " +
            "VALUES ($instance_id, $seq, $kind, $timestamp, $task_id, $name, $payload, $fire_at, $failure_json);");
        InsertWork = Prepare(
            connection,
            "INSERT INTO work (instance_id, kind, task_id, name, input, due_at) " +
            "VALUES ($instance_id, $kind, $task_id, $name, $input, $due_at) RETURNING id;");
        TakeWork = Prepare(connection, $"DELETE FROM work WHERE id = $id RETURNING {StoreRows.WorkColumns};");
        DeleteInstanceWork = Prepare(connection, "DELETE FROM work WHERE instance_id = $instance_id;");
        UpdateEpisode = Prepare(
            connection,
            $"""
            UPDATE instances SET
                status = $status, output = $output, custom_status = $custom_status, failure_json = $failure_json,
                last_updated_at = $last_updated_at, completed_at = $completed_at, replayed_through = $replayed_through,
                owner = CASE WHEN $terminal THEN NULL ELSE owner END,
                lease_expires_at = CASE WHEN $terminal THEN NULL ELSE lease_expires_at END
            WHERE instance_id = $instance_id AND owner = $owner AND status NOT IN ({StoreSchema.TerminalStatuses});
            """);
    }

    /// <summary>One instance row by <c>$instance_id</c>.</summary>
    public SqliteCommand SelectInstance { get; }

    /// <summary>History of <c>$instance_id</c> by seq.</summary>
    public SqliteCommand SelectHistory { get; }

    /// <summary>The seq of the last event of <c>$instance_id</c> (NULL when it has none).</summary>
    public SqliteCommand LastSequence { get; }

    /// <summary>Appends one event (see <see cref="StoreRows.BindHistoryEvent"/>).</summary>
    public SqliteCommand InsertHistory { get; }

    /// <summary>Adds one work row and returns its id (see <see cref="StoreRows.BindWorkItem"/>).</summary>
    public SqliteCommand InsertWork { get; }

    /// <summary>Deletes work row <c>$id</c> and returns it (no row when it was already gone).</summary>
    public SqliteCommand TakeWork { get; }

    /// <summary>Deletes all work of <c>$instance_id</c>.</summary>
    public SqliteCommand DeleteInstanceWork { get; }

    /// <summary>Applies an episode's <see cref="InstanceUpdate"/> when <c>$owner</c> holds the instance and it is not terminal.</summary>
    public SqliteCommand UpdateEpisode { get; }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        _all.Add(command);
        return command;
    }
}
