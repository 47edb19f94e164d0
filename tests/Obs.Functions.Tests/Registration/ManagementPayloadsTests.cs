using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Moq;
using Obs.Api.Http;
using Obs.Functions.Functions;

namespace Obs.Functions.Tests.Registration;

/// <summary>A starting trigger's payload when the client is not the Functions binding's: the API's own instance URLs.</summary>
public sealed class ManagementPayloadsTests
{
    private readonly DurableTaskClient _plainClient = new Mock<DurableTaskClient>("plain").Object;

    [Fact]
    public void For_ClientWithoutFunctionsBaseUrl_IsTheApisOwnUrlsOnTheRequestsHost()
    {
        var request = Request("?code=key-1");

        var payload = ManagementPayloads.For(_plainClient, request, "abc 1");

        Assert.Equal(ManagementUrls.Payload(request, "abc 1"), payload);
        Assert.Equal("abc 1", payload.Id);
        Assert.Equal("http://localhost:7071/runtime/webhooks/durabletask/instances/abc%201?code=key-1", payload.StatusQueryGetUri);
    }

    [Fact]
    public void For_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ManagementPayloads.For(null!, Request(), "id"));
        Assert.Throws<ArgumentNullException>(() => ManagementPayloads.For(_plainClient, null!, "id"));
        Assert.ThrowsAny<ArgumentException>(() => ManagementPayloads.For(_plainClient, Request(), " "));
    }

    private static HttpRequest Request(string query = "")
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost", 7071);
        http.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return http.Request;
    }
}
