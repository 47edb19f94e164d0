namespace Obs.Orchestrations.Local.Storage;

/// <summary>Leases: which engine runs which instance, and taking over the instances of engines that died.</summary>
public sealed partial class SqliteInstanceStore
{
    /// <summary>
    /// Takes, in one write transaction, up to <paramref name="limit"/> non-terminal instances (oldest first) that
    /// nobody holds, whose lease expired before <paramref name="now"/>, or — with <paramref name="includeOwnedBy"/> —
    /// that <paramref name="owner"/> already holds (its own instances from a previous run). Two engines calling this
    /// at once never get the same instance.
    /// </summary>
    /// <returns>The claimed rows as they are now, each with who held it before.</returns>
    public IReadOnlyList<ClaimedInstance> ClaimInstances(string owner, DateTimeOffset now, TimeSpan leaseDuration, int limit, bool includeOwnedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Locked(() =>
        {
            using var transaction = Begin();
            var candidates = new List<(string InstanceId, string? PreviousOwner)>();
            using (var select = Command(
                    transaction,
                    $"""
                    SELECT instance_id, owner FROM instances
                    WHERE status NOT IN ({StoreSchema.TerminalStatuses})
                      AND (owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at < $now OR ($include_owned AND owner = $owner))
                    ORDER BY created_at, instance_id
                    LIMIT $limit;
                    """)
                .Bind("$now", UnixTime.ToMilliseconds(now))
                .Bind("$include_owned", includeOwnedBy)
                .Bind("$owner", owner)
                .Bind("$limit", limit))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    candidates.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
                }
            }

            var claimed = new List<ClaimedInstance>(candidates.Count);
            using var take = Command(transaction, "UPDATE instances SET owner = $owner, lease_expires_at = $expires WHERE instance_id = $instance_id;")
                .Bind("$owner", owner)
                .Bind("$expires", UnixTime.ToMilliseconds(now + leaseDuration));
            foreach (var (instanceId, previousOwner) in candidates)
            {
                take.Bind("$instance_id", instanceId).ExecuteNonQuery();
                claimed.Add(new ClaimedInstance(ReadInstance(transaction, instanceId)!, previousOwner));
            }

            transaction.Commit();
            return claimed;
        });
    }

    /// <summary>Extends every lease <paramref name="owner"/> holds on a non-terminal instance to <paramref name="now"/> + <paramref name="leaseDuration"/>.</summary>
    /// <returns>How many leases were extended.</returns>
    public int RenewLeases(string owner, DateTimeOffset now, TimeSpan leaseDuration)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Locked(() =>
        {
            using var renew = Command(
                    null,
                    $"UPDATE instances SET lease_expires_at = $expires WHERE owner = $owner AND status NOT IN ({StoreSchema.TerminalStatuses});")
                .Bind("$owner", owner)
                .Bind("$expires", UnixTime.ToMilliseconds(now + leaseDuration));
            return renew.ExecuteNonQuery();
        });
    }

    /// <summary>Gives up <paramref name="owner"/>'s lease on the instance, so any engine can claim it.</summary>
    /// <returns>False when <paramref name="owner"/> did not hold it.</returns>
    public bool ReleaseLease(string instanceId, string owner)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentNullException.ThrowIfNull(owner);
        return Locked(() =>
        {
            using var release = Command(
                    null,
                    "UPDATE instances SET owner = NULL, lease_expires_at = NULL WHERE instance_id = $instance_id AND owner = $owner;")
                .Bind("$instance_id", instanceId)
                .Bind("$owner", owner);
            return release.ExecuteNonQuery() == 1;
        });
    }

    /// <summary>
    /// Starts a new attempt of an instance <paramref name="owner"/> holds (a resume after its previous owner died):
    /// a new span id and start time; <see cref="InstanceRecord.FirstSpanId"/> stays.
    /// </summary>
    /// <returns>False when <paramref name="owner"/> does not hold the instance.</returns>
    public bool TryUpdateAttempt(string instanceId, string owner, int attempt, string spanId, DateTimeOffset attemptStartedAt)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(spanId);
        return Locked(() =>
        {
            using var update = Command(
                    null,
                    "UPDATE instances SET attempt = $attempt, span_id = $span_id, attempt_started_at = $started " +
                    "WHERE instance_id = $instance_id AND owner = $owner;")
                .Bind("$instance_id", instanceId)
                .Bind("$owner", owner)
                .Bind("$attempt", attempt)
                .Bind("$span_id", spanId)
                .Bind("$started", UnixTime.ToMilliseconds(attemptStartedAt));
            return update.ExecuteNonQuery() == 1;
        });
    }
}
