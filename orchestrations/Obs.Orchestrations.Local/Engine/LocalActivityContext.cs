using System.Diagnostics;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>The local engine's <see cref="TaskActivityContext"/>.</summary>
internal sealed class LocalActivityContext(string name, string instanceId, CancellationToken cancellationToken, Activity? span) : TaskActivityContext
{
    public override string Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public override CancellationToken CancellationToken { get; } = cancellationToken;

    public override Activity? Span { get; } = span;
}
