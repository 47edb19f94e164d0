using Microsoft.Data.Sqlite;
using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>Episodes, work and termination: the writes an engine makes while instances run.</summary>
public sealed partial class SqliteInstanceStore
{
    /// <summary>
    /// Records an episode in one transaction: appends <paramref name="newEvents"/> after the current history,
    /// adds <paramref name="newWork"/>, and applies <paramref name="update"/>. A terminal status instead deletes all
    /// the instance's work (<paramref name="newWork"/> included) and releases its lease.
    /// </summary>
    /// <returns>False, changing nothing, when <paramref name="owner"/> does not hold the instance or it is already terminal.</returns>
    public bool CommitEpisode(string instanceId, string owner, IReadOnlyList<HistoryEvent> newEvents, IReadOnlyList<WorkItem> newWork, InstanceUpdate update) =>
        CommitEpisode(instanceId, owner, newEvents, newWork, update, out _);

    /// <summary>
    /// As <see cref="CommitEpisode(string, string, IReadOnlyList{HistoryEvent}, IReadOnlyList{WorkItem}, InstanceUpdate)"/>,
    /// also giving the inserted work with its row ids (what <see cref="CompleteWork"/> takes).
    /// </summary>
    public bool CommitEpisode(
        string instanceId,
        string owner,
        IReadOnlyList<HistoryEvent> newEvents,
        IReadOnlyList<WorkItem> newWork,
        InstanceUpdate update,
        out IReadOnlyList<WorkItem> insertedWork)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(newEvents);
        ArgumentNullException.ThrowIfNull(newWork);
        ArgumentNullException.ThrowIfNull(update);
        var inserted = new List<WorkItem>(newWork.Count);
        insertedWork = inserted;
        return Locked(() =>
        {
            using var transaction = Begin();
            var terminal = update.Status.IsTerminal();
            var change = Bound(_statements.UpdateEpisode, transaction)
                .Bind("$instance_id", instanceId)
                .Bind("$owner", owner)
                .Bind("$status", (int)update.Status)
                .Bind("$output", update.Output)
                .Bind("$custom_status", update.CustomStatus)
                .Bind("$failure_json", StoreRows.WriteFailure(update.Failure))
                .Bind("$last_updated_at", UnixTime.ToMilliseconds(update.LastUpdatedAt))
                .Bind("$completed_at", update.CompletedAt is { } completed ? UnixTime.ToMilliseconds(completed) : null)
                .Bind("$replayed_through", update.ReplayedThrough)
                .Bind("$terminal", terminal);
            if (change.ExecuteNonQuery() == 0)
            {
                return false;
            }

            var sequence = NextSequence(transaction, instanceId);
            foreach (var historyEvent in newEvents)
            {
                AppendHistory(transaction, instanceId, sequence++, historyEvent);
            }

            if (terminal)
            {
                Bound(_statements.DeleteInstanceWork, transaction).Bind("$instance_id", instanceId).ExecuteNonQuery();
            }
            else
            {
                foreach (var work in newWork)
                {
                    var insert = Bound(_statements.InsertWork, transaction);
                    StoreRows.BindWorkItem(insert, instanceId, work);
                    inserted.Add(work with { Id = (long)insert.ExecuteScalar()!, InstanceId = instanceId });
                }
            }

            transaction.Commit();
            return true;
        });
    }

    /// <summary>
    /// Records finished work in one transaction: for each completion whose work row still exists, appends the
    /// completion event to that instance's history and deletes the row. Rows already gone (the instance was
    /// terminated or purged, or the work completed before) are skipped.
    /// </summary>
    /// <returns>The work items completed, in the order given: their instances have new history to replay.</returns>
    public IReadOnlyList<WorkItem> CompleteWork(IReadOnlyList<(long WorkId, HistoryEvent Completion)> completions)
    {
        ArgumentNullException.ThrowIfNull(completions);
        if (completions.Count == 0)
        {
            return [];
        }

        return Locked(() =>
        {
            using var transaction = Begin();
            var completed = new List<WorkItem>(completions.Count);
            foreach (var (workId, completion) in completions)
            {
                ArgumentNullException.ThrowIfNull(completion);
                var work = TakeWork(transaction, workId);
                if (work is null)
                {
                    continue;
                }

                AppendHistory(transaction, work.InstanceId, NextSequence(transaction, work.InstanceId), completion);
                completed.Add(work);
            }

            transaction.Commit();
            return completed;
        });
    }

    /// <summary>The instance's pending work, by id.</summary>
    public IReadOnlyList<WorkItem> GetWork(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return Locked(() =>
        {
            using var select = Command(null, $"SELECT {StoreRows.WorkColumns} FROM work WHERE instance_id = $instance_id ORDER BY id;")
                .Bind("$instance_id", instanceId);
            return ReadWork(select);
        });
    }

    /// <summary>Timers of the instances <paramref name="owner"/> holds that are due by <paramref name="dueBy"/>, earliest first.</summary>
    public IReadOnlyList<WorkItem> GetDueTimers(string owner, DateTimeOffset dueBy)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Locked(() =>
        {
            using var select = Command(
                    null,
                    $"""
                    SELECT {StoreRows.WorkColumns} FROM work
                    WHERE kind = {(int)WorkItemKind.Timer} AND due_at <= $due_by
                      AND instance_id IN (SELECT instance_id FROM instances WHERE owner = $owner)
                    ORDER BY due_at, id;
                    """)
                .Bind("$due_by", UnixTime.ToMilliseconds(dueBy))
                .Bind("$owner", owner);
            return ReadWork(select);
        });
    }

    /// <summary>
    /// Terminates a non-terminal instance: status Terminated, an ExecutionTerminated event (Payload =
    /// <paramref name="outputJson"/>), its work deleted, its lease released. Running activities are the engine's to cancel.
    /// </summary>
    /// <returns>Whether the instance changed (false when unknown or already terminal).</returns>
    public bool Terminate(string instanceId, DateTimeOffset now, string? outputJson)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return Locked(() =>
        {
            using var transaction = Begin();
            using var update = Command(
                    transaction,
                    $"""
                    UPDATE instances SET status = {(int)OrchestrationRuntimeStatus.Terminated}, output = $output,
                        last_updated_at = $now, completed_at = $now, owner = NULL, lease_expires_at = NULL
                    WHERE instance_id = $instance_id AND status NOT IN ({StoreSchema.TerminalStatuses});
                    """)
                .Bind("$instance_id", instanceId)
                .Bind("$output", outputJson)
                .Bind("$now", UnixTime.ToMilliseconds(now));
            if (update.ExecuteNonQuery() == 0)
            {
                return false;
            }

            var terminated = new HistoryEvent(HistoryEventKind.ExecutionTerminated, now.UtcDateTime) { Payload = outputJson };
            AppendHistory(transaction, instanceId, NextSequence(transaction, instanceId), terminated);
            Bound(_statements.DeleteInstanceWork, transaction).Bind("$instance_id", instanceId).ExecuteNonQuery();
            transaction.Commit();
            return true;
        });
    }

    private WorkItem? TakeWork(SqliteTransaction transaction, long workId)
    {
        using var reader = Bound(_statements.TakeWork, transaction).Bind("$id", workId).ExecuteReader();
        return reader.Read() ? StoreRows.ReadWorkItem(reader) : null;
    }

    private static List<WorkItem> ReadWork(SqliteCommand select)
    {
        using var reader = select.ExecuteReader();
        var work = new List<WorkItem>();
        while (reader.Read())
        {
            work.Add(StoreRows.ReadWorkItem(reader));
        }

        return work;
    }
}
