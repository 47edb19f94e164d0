using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Obs.Api.Http;
using Obs.Api.Payloads;

namespace Obs.Functions.Functions;

/// <summary>The management payload a starting trigger answers with.</summary>
public static class ManagementPayloads
{
    /// <summary>
    /// Durable's payload (its URLs point at the extension's status API and carry its system key) when the
    /// client is the <c>[DurableClient]</c> binding's; any other client (a plain SDK client, the in-process
    /// test host's) has no base URL, and the payload is then the API's own instance URLs on the request's host.
    /// </summary>
    public static ManagementPayload For(DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var own = ManagementUrls.Payload(request, instanceId);
        HttpManagementPayload durable;
        try
        {
            durable = client.CreateHttpManagementPayload(instanceId);
        }
        catch (InvalidOperationException)
        {
            return own;
        }

        return new ManagementPayload
        {
            Id = durable.Id ?? instanceId,
            StatusQueryGetUri = durable.StatusQueryGetUri ?? own.StatusQueryGetUri,
            SendEventPostUri = durable.SendEventPostUri ?? own.SendEventPostUri,
            TerminatePostUri = durable.TerminatePostUri ?? own.TerminatePostUri,
            PurgeHistoryDeleteUri = durable.PurgeHistoryDeleteUri ?? own.PurgeHistoryDeleteUri,
        };
    }
}
