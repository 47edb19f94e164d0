using System.Diagnostics;

namespace Obs.Orchestrations.Durable;

/// <summary>The Obs activity contract for an activity Durable runs: its name, instance, cancellation and Obs span.</summary>
public sealed class DurableActivityContext : TaskActivityContext
{
    public DurableActivityContext(string name, string instanceId, CancellationToken cancellationToken, Activity? span)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(instanceId);
        Name = name;
        InstanceId = instanceId;
        CancellationToken = cancellationToken;
        Span = span;
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    public override CancellationToken CancellationToken { get; }

    public override Activity? Span { get; }
}
