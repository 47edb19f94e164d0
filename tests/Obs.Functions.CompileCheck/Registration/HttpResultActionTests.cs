using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Obs.Api;
using Obs.Functions.Functions;

namespace Obs.Functions.CompileCheck.Registration;

public sealed class HttpResultActionTests
{
    [Fact]
    public async Task ExecuteResultAsync_WritesTheHandlersResultToTheResponse()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        await new HttpResultAction(ObsApiHandlers.TraceContext(http))
            .ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.StartsWith("application/json", http.Response.ContentType, StringComparison.Ordinal);
        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body);
        Assert.Contains("traceparent", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }
}
