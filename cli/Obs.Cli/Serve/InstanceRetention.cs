using Microsoft.Extensions.Logging;
using Obs.Orchestrations;

namespace Obs.Cli.Serve;

/// <summary>
/// <c>serve.retention_hours</c>: a server that runs for months purges finished instances (and their history)
/// once they are older than the retention, so its database stops growing. Running instances are never purged.
/// </summary>
public sealed partial class InstanceRetention
{
    private static readonly TimeSpan s_longestInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_shortestInterval = TimeSpan.FromMinutes(1);

    private readonly OrchestrationClient _client;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public InstanceRetention(OrchestrationClient client, TimeSpan retention, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        _client = client;
        _retention = retention;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How often the loop purges: a quarter of the retention, between a minute and an hour.</summary>
    public TimeSpan Interval => TimeSpan.FromTicks(Math.Clamp(_retention.Ticks / 4, s_shortestInterval.Ticks, s_longestInterval.Ticks));

    /// <summary>Purges now, then every <see cref="Interval"/> until <paramref name="stopping"/>; a failed purge is logged and retried next time.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                await PurgeOnceAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(_logger, ex);
            }
        }
        while (await WaitAsync(timer, stopping).ConfigureAwait(false));
    }

    /// <summary>Purges the finished instances created more than the retention ago; returns how many.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken = default)
    {
        var result = await _client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: _time.GetUtcNow() - _retention), cancellationToken).ConfigureAwait(false);
        if (result.PurgedInstanceCount > 0)
        {
            LogPurged(_logger, result.PurgedInstanceCount, _retention.TotalHours);
        }

        return result.PurgedInstanceCount;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Purged {Count} finished instances older than {Hours} h")]
    private static partial void LogPurged(ILogger logger, int count, double hours);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Purging finished instances failed; retrying at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
