using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>Client queries and purges.</summary>
public sealed partial class SqliteInstanceStore
{
    /// <summary>
    /// One page of instances, oldest first (by creation time, then id), filtered by status, creation range
    /// [from, to) and id prefix. Pass the returned continuation token back for the next page.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token was not issued by this store.</exception>
    public OrchestrationQueryPage Query(OrchestrationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.PageSize);
        var after = query.ContinuationToken is { } token ? QueryContinuationToken.Decode(token) : (QueryContinuationToken?)null;
        return Locked(() =>
        {
            var columns = query.FetchInputsAndOutputs ? StoreRows.InstanceColumns : StoreRows.InstanceColumnsWithoutInputs;
            var sql = new StringBuilder($"SELECT {columns} FROM instances WHERE 1 = 1");
            using var select = Command(null, string.Empty);
            AddStatusFilter(sql, query.Statuses, terminalOnly: false);
            AddCreatedRange(sql, select, query.CreatedFrom, query.CreatedTo);
            if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
            {
                // substr, not LIKE: LIKE is case-insensitive and treats % and _ as wildcards.
                sql.Append(" AND substr(instance_id, 1, length($prefix)) = $prefix");
                select.Bind("$prefix", query.InstanceIdPrefix);
            }

            if (after is { } position)
            {
                sql.Append(" AND (created_at > $after_created OR (created_at = $after_created AND instance_id > $after_id))");
                select.Bind("$after_created", position.CreatedAtMilliseconds).Bind("$after_id", position.InstanceId);
            }

            // One row more than a page tells whether another page exists.
            sql.Append(" ORDER BY created_at, instance_id LIMIT $limit;");
            select.Bind("$limit", query.PageSize + 1);
            select.CommandText = sql.ToString();

            var rows = new List<InstanceRecord>(Math.Min(query.PageSize + 1, 1024));
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add(StoreRows.ReadInstance(reader));
                }
            }

            string? next = null;
            if (rows.Count > query.PageSize)
            {
                rows.RemoveAt(rows.Count - 1);
                var last = rows[^1];
                next = new QueryContinuationToken(UnixTime.ToMilliseconds(last.CreatedAt), last.InstanceId).Encode();
            }

            var page = rows.ConvertAll(r => r.ToMetadata(query.FetchInputsAndOutputs));
            return new OrchestrationQueryPage(page, next);
        });
    }

    /// <summary>Deletes a finished instance with its history and work.</summary>
    /// <returns>False when the instance is unknown or not terminal (running instances are never purged).</returns>
    public bool Purge(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return Locked(() =>
        {
            // History and work go with the row (ON DELETE CASCADE).
            using var delete = Command(
                    null,
                    $"DELETE FROM instances WHERE instance_id = $instance_id AND status IN ({StoreSchema.TerminalStatuses});")
                .Bind("$instance_id", instanceId);
            return delete.ExecuteNonQuery() == 1;
        });
    }

    /// <summary>Deletes the finished instances matching <paramref name="filter"/>, with their history and work.</summary>
    /// <returns>How many instances were deleted.</returns>
    public int PurgeAll(PurgeInstancesFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Locked(() =>
        {
            var sql = new StringBuilder("DELETE FROM instances WHERE 1 = 1");
            using var delete = Command(null, string.Empty);
            AddStatusFilter(sql, filter.Statuses, terminalOnly: true);
            AddCreatedRange(sql, delete, filter.CreatedFrom, filter.CreatedTo);
            delete.CommandText = sql.Append(';').ToString();
            using var transaction = Begin();
            delete.Transaction = transaction;
            var purged = delete.ExecuteNonQuery();
            transaction.Commit();
            return purged;
        });
    }

    /// <summary>Statuses are enum values, so they are written into the SQL as integers rather than bound.</summary>
    private static void AddStatusFilter(StringBuilder sql, IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses, bool terminalOnly)
    {
        if (terminalOnly)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND status IN ({StoreSchema.TerminalStatuses})");
        }

        if (statuses is { Count: > 0 })
        {
            var list = string.Join(", ", statuses.Distinct().Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
            sql.Append(CultureInfo.InvariantCulture, $" AND status IN ({list})");
        }
    }

    private static void AddCreatedRange(StringBuilder sql, SqliteCommand command, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start)
        {
            sql.Append(" AND created_at >= $created_from");
            command.Bind("$created_from", UnixTime.ToMilliseconds(start));
        }

        if (to is { } end)
        {
            sql.Append(" AND created_at < $created_to");
            command.Bind("$created_to", UnixTime.ToMilliseconds(end));
        }
    }
}
