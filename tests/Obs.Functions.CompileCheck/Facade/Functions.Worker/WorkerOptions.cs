// Facade (never shipped): Azure/azure-functions-dotnet-worker src/DotNetWorker.Core/WorkerOptions.cs
// Only Serializer (Azure.Core's ObjectSerializer, which the Durable extension wraps as its DataConverter:
// Azure/azure-functions-durable-extension src/Worker.Extensions.DurableTask/FunctionsWorkerApplicationBuilderExtensions.cs).
using Azure.Core.Serialization;

namespace Microsoft.Azure.Functions.Worker;

public class WorkerOptions
{
    public ObjectSerializer? Serializer { get; set; }
}
