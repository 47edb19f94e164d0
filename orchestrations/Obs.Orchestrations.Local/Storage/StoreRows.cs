using System.Text.Json;
using Microsoft.Data.Sqlite;
using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>Column lists and the mapping between rows and the records, kept together so their orders cannot drift.</summary>
internal static class StoreRows
{
    public const string InstanceColumns =
        "instance_id, name, status, input, output, custom_status, failure_json, created_at, last_updated_at, completed_at, " +
        "trace_id, span_id, parent_span_id, trace_state, sampled, attempt, attempt_started_at, first_span_id, " +
        "owner, lease_expires_at, replayed_through";

    /// <summary><see cref="InstanceColumns"/> with input and output left out (they can be large).</summary>
    public const string InstanceColumnsWithoutInputs =
        "instance_id, name, status, NULL, NULL, custom_status, failure_json, created_at, last_updated_at, completed_at, " +
        "trace_id, span_id, parent_span_id, trace_state, sampled, attempt, attempt_started_at, first_span_id, " +
        "owner, lease_expires_at, replayed_through";

    public const string InstanceValues =
        "$instance_id, $name, $status, $input, $output, $custom_status, $failure_json, $created_at, $last_updated_at, $completed_at, " +
        "$trace_id, $span_id, $parent_span_id, $trace_state, $sampled, $attempt, $attempt_started_at, $first_span_id, " +
        "$owner, $lease_expires_at, $replayed_through";

    public const string HistoryColumns = "seq, kind, timestamp, task_id, name, payload, fire_at, failure_json";

    public const string WorkColumns = "id, instance_id, kind, task_id, name, input, due_at";

    public static InstanceRecord ReadInstance(SqliteDataReader reader) => new()
    {
        InstanceId = reader.GetString(0),
        Name = reader.GetString(1),
        Status = (OrchestrationRuntimeStatus)reader.GetInt32(2),
        Input = NullableString(reader, 3),
        Output = NullableString(reader, 4),
        CustomStatus = NullableString(reader, 5),
        Failure = ReadFailure(reader, 6),
        CreatedAt = UnixTime.ToDateTimeOffset(reader.GetInt64(7)),
        LastUpdatedAt = UnixTime.ToDateTimeOffset(reader.GetInt64(8)),
        CompletedAt = reader.IsDBNull(9) ? null : UnixTime.ToDateTimeOffset(reader.GetInt64(9)),
        TraceId = reader.GetString(10),
        SpanId = reader.GetString(11),
        ParentSpanId = NullableString(reader, 12),
        TraceState = NullableString(reader, 13),
        Sampled = reader.GetInt64(14) != 0,
        Attempt = reader.GetInt32(15),
        AttemptStartedAt = UnixTime.ToDateTimeOffset(reader.GetInt64(16)),
        FirstSpanId = reader.GetString(17),
        Owner = NullableString(reader, 18),
        LeaseExpiresAt = reader.IsDBNull(19) ? null : UnixTime.ToDateTimeOffset(reader.GetInt64(19)),
        ReplayedThrough = reader.GetInt32(20),
    };

    public static void BindInstance(SqliteCommand command, InstanceRecord instance)
    {
        command.Bind("$instance_id", instance.InstanceId)
            .Bind("$name", instance.Name)
            .Bind("$status", (int)instance.Status)
            .Bind("$input", instance.Input)
            .Bind("$output", instance.Output)
            .Bind("$custom_status", instance.CustomStatus)
            .Bind("$failure_json", WriteFailure(instance.Failure))
            .Bind("$created_at", UnixTime.ToMilliseconds(instance.CreatedAt))
            .Bind("$last_updated_at", UnixTime.ToMilliseconds(instance.LastUpdatedAt))
            .Bind("$completed_at", instance.CompletedAt is { } completed ? UnixTime.ToMilliseconds(completed) : null)
            .Bind("$trace_id", instance.TraceId)
            .Bind("$span_id", instance.SpanId)
            .Bind("$parent_span_id", instance.ParentSpanId)
            .Bind("$trace_state", instance.TraceState)
            .Bind("$sampled", instance.Sampled ? 1 : 0)
            .Bind("$attempt", instance.Attempt)
            .Bind("$attempt_started_at", UnixTime.ToMilliseconds(instance.AttemptStartedAt))
            .Bind("$first_span_id", instance.FirstSpanId)
            .Bind("$owner", instance.Owner)
            .Bind("$lease_expires_at", instance.LeaseExpiresAt is { } lease ? UnixTime.ToMilliseconds(lease) : null)
            .Bind("$replayed_through", instance.ReplayedThrough);
    }

    public static HistoryEvent ReadHistoryEvent(SqliteDataReader reader) =>
        new((HistoryEventKind)reader.GetInt32(1), UnixTime.ToUtcDateTime(reader.GetInt64(2)))
        {
            Sequence = reader.GetInt64(0),
            TaskId = reader.GetInt32(3),
            Name = NullableString(reader, 4),
            Payload = NullableString(reader, 5),
            FireAt = reader.IsDBNull(6) ? null : UnixTime.ToUtcDateTime(reader.GetInt64(6)),
            Failure = ReadFailure(reader, 7),
        };

    /// <summary>Binds <c>$instance_id, $seq, $kind, $timestamp, $task_id, $name, $payload, $fire_at, $failure_json</c>.</summary>
    public static void BindHistoryEvent(SqliteCommand command, string instanceId, long sequence, HistoryEvent historyEvent)
    {
        command.Bind("$instance_id", instanceId)
            .Bind("$seq", sequence)
            .Bind("$kind", (int)historyEvent.Kind)
            .Bind("$timestamp", UnixTime.ToMilliseconds(historyEvent.Timestamp))
            .Bind("$task_id", historyEvent.TaskId)
            .Bind("$name", historyEvent.Name)
            .Bind("$payload", historyEvent.Payload)
            .Bind("$fire_at", historyEvent.FireAt is { } fireAt ? UnixTime.ToMilliseconds(fireAt) : null)
            .Bind("$failure_json", WriteFailure(historyEvent.Failure));
    }

    public static WorkItem ReadWorkItem(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        (WorkItemKind)reader.GetInt32(2),
        reader.GetInt32(3),
        NullableString(reader, 4),
        NullableString(reader, 5),
        UnixTime.ToDateTimeOffset(reader.GetInt64(6)));

    /// <summary>Binds <c>$instance_id, $kind, $task_id, $name, $input, $due_at</c>.</summary>
    public static void BindWorkItem(SqliteCommand command, string instanceId, WorkItem work)
    {
        command.Bind("$instance_id", instanceId)
            .Bind("$kind", (int)work.Kind)
            .Bind("$task_id", work.TaskId)
            .Bind("$name", work.Name)
            .Bind("$input", work.Input)
            .Bind("$due_at", UnixTime.ToMilliseconds(work.DueAt));
    }

    public static string? WriteFailure(TaskFailureDetails? failure) =>
        failure is null ? null : JsonSerializer.Serialize(failure, OrchestrationJsonContext.Default.TaskFailureDetails);

    /// <summary>Sets a parameter, adding it on first use, so prepared commands are bound without re-preparing.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }

    private static TaskFailureDetails? ReadFailure(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : JsonSerializer.Deserialize(reader.GetString(ordinal), OrchestrationJsonContext.Default.TaskFailureDetails);

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
