using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Obs.Api;
using Obs.Functions.Functions;

namespace Obs.Functions.Tests.Registration;

/// <summary>The action result a trigger returns writes the Obs.Api handler's result, status and body as they are.</summary>
public sealed class HttpResultActionTests
{
    [Fact]
    public async Task ExecuteResultAsync_WritesTheHandlersResultToTheResponse()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        await new HttpResultAction(ObsApiHandlers.TraceContext(http))
            .ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.StartsWith("application/json", http.Response.ContentType, StringComparison.Ordinal);
        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body);
        Assert.Contains("traceparent", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteResultAsync_KeepsTheHandlersStatusCode()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };

        await new HttpResultAction(TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge))
            .ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, http.Response.StatusCode);
    }

    [Fact]
    public void Constructor_NullResult_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new HttpResultAction(null!));
}
