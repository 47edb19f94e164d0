using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Obs.Api.Payloads;

namespace Obs.Api.Http;

/// <summary>
/// Durable's management URLs for an instance, on the host the client called. A key the client sent as
/// <c>?code=</c> is carried over (as Functions does), so the URLs work as given; a header key is not copied.
/// </summary>
public static class ManagementUrls
{
    public static ManagementPayload Payload(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ManagementPayload
        {
            Id = instanceId,
            StatusQueryGetUri = Status(request, instanceId),
            SendEventPostUri = Url(request, instanceId, "/raiseEvent/{eventName}"),
            TerminatePostUri = Url(request, instanceId, "/terminate", ("reason", "{text}")),
            PurgeHistoryDeleteUri = Url(request, instanceId, string.Empty),
        };
    }

    public static string Status(HttpRequest request, string instanceId) => Url(request, instanceId, string.Empty);

    private static string Url(HttpRequest request, string instanceId, string suffix, params (string Name, string Value)[] query)
    {
        var path = $"{ApiRoutes.InstancesPrefix}/{Uri.EscapeDataString(instanceId)}";
        var parameters = query.Select(q => $"{q.Name}={q.Value}").ToList();
        var code = request.Query[ApiRoutes.CodeQuery].ToString();
        if (code.Length > 0)
        {
            parameters.Add($"{ApiRoutes.CodeQuery}={Uri.EscapeDataString(code)}");
        }

        // The suffix may hold a {placeholder} the client fills in: appended as is, not escaped.
        var url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, new PathString(path)) + suffix;
        return parameters.Count == 0 ? url : $"{url}?{string.Join('&', parameters)}";
    }
}
