using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Obs.Functions.Tests.Triggers;

/// <summary>
/// An HTTP request as the worker's ASP.NET Core integration hands it to a trigger: a real
/// <see cref="DefaultHttpContext"/> on http://localhost, with request services for the results' logging.
/// </summary>
public static class TriggerRequest
{
    private static readonly IServiceProvider s_services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static HttpContext Create(string method, string path, string? body = null, string query = "", bool declareLength = true)
    {
        var http = new DefaultHttpContext { RequestServices = s_services };
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = path;
        http.Request.QueryString = query.Length == 0 ? QueryString.Empty : new QueryString(query);
        var bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
        http.Request.Body = new MemoryStream(bytes);
        if (body is not null)
        {
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = declareLength ? bytes.Length : null;
        }

        http.Response.Body = new MemoryStream();
        return http;
    }

    public static HttpContext Post(string path, string? body, string query = "") => Create(HttpMethods.Post, path, body, query);

    public static HttpContext Get(string path, string query = "") => Create(HttpMethods.Get, path, query: query);

    /// <summary>Executes the trigger's result over its request, as the worker does, and reads what it wrote.</summary>
    public static async Task<TriggerResponse> RespondAsync(this IActionResult result, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(result);
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        return await TriggerResponse.ReadAsync(http);
    }

    /// <summary>Executes an Obs.Api handler's result over its request.</summary>
    public static async Task<TriggerResponse> RespondAsync(this IResult result, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(result);
        await result.ExecuteAsync(http);
        return await TriggerResponse.ReadAsync(http);
    }
}

/// <summary>What a trigger wrote: status, headers and the JSON body.</summary>
public sealed record TriggerResponse(int StatusCode, IHeaderDictionary Headers, string? ContentType, JsonElement Body)
{
    public static async Task<TriggerResponse> ReadAsync(HttpContext http)
    {
        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body);
        var text = await reader.ReadToEndAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return new TriggerResponse(http.Response.StatusCode, http.Response.Headers, http.Response.ContentType, document.RootElement.Clone());
    }

    /// <summary>The problem's errors (JSON path → messages) of a 400.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Body.GetProperty("errors").EnumerateObject()
        .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray(), StringComparer.Ordinal);
}
