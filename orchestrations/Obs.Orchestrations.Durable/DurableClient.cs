using System.Diagnostics;
using Microsoft.DurableTask.Client;
using DurableQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using DurablePurgeFilter = Microsoft.DurableTask.Client.PurgeInstancesFilter;
using DurableStartOptions = Microsoft.DurableTask.StartOrchestrationOptions;
using ObsMetadata = Obs.Orchestrations.OrchestrationMetadata;
using ObsPurgeFilter = Obs.Orchestrations.PurgeInstancesFilter;
using ObsPurgeResult = Obs.Orchestrations.PurgeResult;
using ObsQuery = Obs.Orchestrations.OrchestrationQuery;
using ObsStartOptions = Obs.Orchestrations.StartOrchestrationOptions;
using ObsStatus = Obs.Orchestrations.OrchestrationRuntimeStatus;

namespace Obs.Orchestrations.Durable;

/// <summary>
/// The Obs client contract over the <c>[DurableClient]</c> binding's <see cref="DurableTaskClient"/>.
/// </summary>
/// <remarks>
/// The input travels in Obs's envelope with the trace parent of the new instance: the
/// <see cref="ObsStartOptions.ParentContext"/> given (the HTTP request's span, from <c>ObsApiHandlers</c>),
/// else <see cref="Activity.Current"/>. Durable has no parent option of its own.
/// </remarks>
public sealed class DurableClient : OrchestrationClient
{
    private static readonly ObsStatus[] s_terminal = [ObsStatus.Completed, ObsStatus.Failed, ObsStatus.Terminated];

    private readonly DurableTaskClient _inner;
    private readonly OrchestrationSerializer _serializer;

    public DurableClient(DurableTaskClient inner, OrchestrationSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(serializer);
        _inner = inner;
        _serializer = serializer;
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        ObsStartOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var parent = ObsStartOptions.ParentOf(options);
        var envelope = ObsEnvelope.Wrap(_serializer.Serialize(input), ObsTraceHeader.From(parent));
        return _inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, envelope, new DurableStartOptions(options?.InstanceId), cancellation);
    }

    public override async Task<ObsMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        DurableMappings.ToObs(await _inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false));

    public override async Task<ObsMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        DurableMappings.ToObs(await _inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false))
            ?? throw new InvalidOperationException($"Durable returned no metadata for '{instanceId}'.");

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default) =>
        _inner.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(ObsEnvelope.ToElement(_serializer.Serialize(output))), cancellation);

    public override async Task<ObsPurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default) =>
        new((await _inner.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false)).PurgedInstanceCount);

    public override async Task<ObsPurgeResult> PurgeAllInstancesAsync(ObsPurgeFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // Obs purges only finished instances when no status is named; say so to Durable explicitly.
        var statuses = (filter.Statuses is { Count: > 0 } named ? named : s_terminal).Select(DurableMappings.ToDurable).ToList();
        var result = await _inner.PurgeAllInstancesAsync(new DurablePurgeFilter(filter.CreatedFrom, filter.CreatedTo, statuses), cancellation).ConfigureAwait(false);
        return new ObsPurgeResult(result.PurgedInstanceCount);
    }

    public override async Task<OrchestrationQueryPage> QueryInstancesAsync(ObsQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new DurableQuery
        {
            CreatedFrom = query.CreatedFrom,
            CreatedTo = query.CreatedTo,
            Statuses = query.Statuses is { Count: > 0 } statuses ? statuses.Select(DurableMappings.ToDurable).ToList() : null,
            InstanceIdPrefix = query.InstanceIdPrefix,
            PageSize = query.PageSize,
            FetchInputsAndOutputs = query.FetchInputsAndOutputs,
            ContinuationToken = query.ContinuationToken,
        };

        // One page per call, as the Obs contract pages: the first page Durable yields from the token.
        await foreach (var page in _inner.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellation).ConfigureAwait(false))
        {
            return new OrchestrationQueryPage([.. page.Values.Select(m => DurableMappings.ToObs(m)!)], page.ContinuationToken);
        }

        return new OrchestrationQueryPage([], null);
    }
}
