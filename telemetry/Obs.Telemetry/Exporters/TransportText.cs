using System.Net.Http.Headers;

namespace Obs.Telemetry.Exporters;

/// <summary>
/// How Obs words what a backend's transport said — the exporters' errors on the exit line and
/// <c>obs replay</c>'s — and how it shows an endpoint: one place, so both say the same thing.
/// </summary>
internal static class TransportText
{
    public const string GrpcStatusHeader = "grpc-status";
    public const string GrpcMessageHeader = "grpc-message";
    public const string GrpcOk = "0";

    /// <summary>An endpoint as messages show it: no user info (it may hold a credential), no trailing slash.</summary>
    public static string Endpoint(Uri endpoint) =>
        endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');

    /// <summary><c>HTTP 503 Service Unavailable</c>.</summary>
    public static string Status(HttpResponseMessage response) =>
        $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();

    /// <summary><c>gRPC status 14 unavailable</c>, from the status and message headers (trailers first when given).</summary>
    public static string GrpcStatus(string? status, HttpHeaders headers, HttpHeaders? trailers = null)
    {
        var message = (trailers is null ? null : Header(trailers, GrpcMessageHeader)) ?? Header(headers, GrpcMessageHeader) ?? "";
        return $"gRPC status {status ?? "missing"} {Uri.UnescapeDataString(message)}".TrimEnd();
    }

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>A failed send in the transport's words: the socket error, or which timeout ran out.</summary>
    public static string Of(Exception ex) => ex switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timed out (tracing.otlp_timeout_millis / export_timeout_millis)",
        HttpRequestException { InnerException: { } inner } http when !http.Message.Contains(inner.Message, StringComparison.Ordinal) => $"{http.Message} {inner.Message}",
        _ => ex.Message,
    };
}
