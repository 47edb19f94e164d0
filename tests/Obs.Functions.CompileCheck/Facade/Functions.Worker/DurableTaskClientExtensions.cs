// Facade (never shipped): Azure/azure-functions-durable-extension src/Worker.Extensions.DurableTask/DurableTaskClientExtensions.cs
// Only CreateHttpManagementPayload is used. The real one builds the URLs from the binding's base URL and
// the extension's system key; the facade is never executed.
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Microsoft.Azure.Functions.Worker;

public static class DurableTaskClientExtensions
{
    public static HttpManagementPayload CreateHttpManagementPayload(this DurableTaskClient client, string instanceId, HttpRequestData? request = null) =>
        throw new NotSupportedException("facade");
}
