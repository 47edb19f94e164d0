// Facade (never shipped): Azure/azure-functions-durable-extension
//   src/Worker.Extensions.DurableTask/OrchestrationTriggerAttribute.cs
//   src/Worker.Extensions.DurableTask/ActivityTriggerAttribute.cs
//   src/Worker.Extensions.DurableTask/DurableClientAttribute.cs
// (The real ActivityTrigger also carries [InputConverter]/[ConverterFallbackBehavior]; those worker
// conversion types are not part of this facade.)
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
{
    public string? Orchestration { get; set; }
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
{
    public string? Activity { get; set; }
}

public sealed class DurableClientAttribute : InputBindingAttribute
{
    public string? TaskHub { get; set; }

    public string? ConnectionName { get; set; }
}
