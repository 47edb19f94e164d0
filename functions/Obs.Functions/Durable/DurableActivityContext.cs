using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Obs.Orchestrations;

namespace Obs.Functions.Durable;

/// <summary>
/// The Obs activity contract inside an <c>[ActivityTrigger]</c> function: the name the function is
/// registered under, the scheduling instance from the trigger's binding data, the invocation's
/// cancellation, and <see cref="Activity.Current"/> (the worker's span for this invocation) as the span.
/// </summary>
public sealed class DurableActivityContext : TaskActivityContext
{
    /// <summary>The binding-data key under which Durable's activity trigger passes the orchestration instance id.</summary>
    public const string InstanceIdBindingKey = "instanceId";

    public DurableActivityContext(string name, FunctionContext functionContext)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(functionContext);
        Name = name;
        InstanceId = functionContext.BindingContext.BindingData.TryGetValue(InstanceIdBindingKey, out var id) && id is not null
            ? id.ToString() ?? string.Empty
            : string.Empty;
        CancellationToken = functionContext.CancellationToken;
        Span = Activity.Current;
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    public override CancellationToken CancellationToken { get; }

    public override Activity? Span { get; }
}
