using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Obs.Api.Tests.Hosting;

/// <summary>Where a request carries the function key.</summary>
public enum KeyIn
{
    None,
    Header,
    Query,
}

/// <summary>
/// An HTTP client for one <see cref="ApiServer"/>. It never propagates <c>Activity.Current</c> on its own:
/// a test that wants a trace sends the <c>traceparent</c> it made.
/// </summary>
public sealed class ApiClient : IDisposable
{
    public const string UserAgent = "obs-api-tests/1.0";

    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>Sends a request to a path relative to the server (it may hold a query) or to an absolute URL from a management payload.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, KeyIn key = KeyIn.Header, string? traceparent = null)
    {
        using var request = new HttpRequestMessage(method, key == KeyIn.Query ? WithQuery(path, "code=" + ApiServer.Key) : path) { Content = content };
        if (key == KeyIn.Header)
        {
            request.Headers.Add("x-functions-key", ApiServer.Key);
        }

        if (traceparent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceparent);
        }

        return await _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, KeyIn key = KeyIn.Header, string? traceparent = null) =>
        SendAsync(HttpMethod.Get, path, null, key, traceparent);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, KeyIn key = KeyIn.Header, string? traceparent = null) =>
        SendAsync(HttpMethod.Post, path, Json(json), key, traceparent);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>POSTs <paramref name="json"/> and returns the management payload of the 202.</summary>
    public async Task<JsonElement> StartAsync(string route, string json)
    {
        using var response = await PostJsonAsync(route, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{route} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Polls a status URL (with the header key) until it answers 200: the instance's final status body.</summary>
    public async Task<JsonElement> PollUntilFinishedAsync(string statusUri)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await GetAsync(statusUri);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.ReadJsonAsync();
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(clock.Elapsed < Patience.Timeout, $"{statusUri} still running after {Patience.Timeout}: {await response.ReadJsonAsync()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until the instance's runtimeStatus is <paramref name="status"/> (running instances answer 202, finished 200).</summary>
    public async Task<JsonElement> PollUntilStatusAsync(string statusUri, string status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await GetAsync(statusUri);
            var body = await response.ReadJsonAsync();
            if (body.TryGetProperty("runtimeStatus", out var current) && current.GetString() == status)
            {
                return body;
            }

            Assert.True(clock.Elapsed < Patience.Timeout, $"{statusUri} not {status} after {Patience.Timeout}: {body}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string WithQuery(string path, string parameter) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parameter;
}

/// <summary>Reading API responses.</summary>
public static class ApiResponses
{
    public const string ProblemContentType = "application/problem+json";

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 problem with <paramref name="status"/>, a title and a detail; returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {problem}");
        Assert.Equal(ProblemContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 problem and returns its errors: JSON path → messages.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> AssertInvalidAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray(), StringComparer.Ordinal);
        Assert.NotEmpty(errors);
        Assert.All(errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
        return errors;
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
