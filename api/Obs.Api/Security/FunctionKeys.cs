using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Obs.Api.Http;

namespace Obs.Api.Security;

/// <summary>
/// Function keys as Azure Functions checks them: the <c>x-functions-key</c> header or the <c>code</c>
/// query parameter must hold one of the configured keys; <c>/health</c> is anonymous.
/// </summary>
public static class FunctionKeys
{
    /// <summary>Whether <paramref name="request"/> carries one of <paramref name="keys"/> (compared in constant time).</summary>
    public static bool IsAuthorized(HttpRequest request, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keys);
        var presented = Presented(request);
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in keys)
        {
            // Every key is compared, so timing does not tell which (or whether an earlier one) matched.
            match |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        }

        return match;
    }

    /// <summary>The key the request presents: the header first, then <c>?code=</c>.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[ApiRoutes.FunctionKeyHeader].ToString();
        return header.Length > 0 ? header : request.Query[ApiRoutes.CodeQuery].ToString();
    }

    /// <summary>
    /// Middleware for hosts that check keys themselves (<c>obs serve</c>): answers 401 problem details to
    /// any request but <c>GET /health</c> without a valid key.
    /// </summary>
    public static async Task RequireAsync(HttpContext http, RequestDelegate next, ObsApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.RequireFunctionKey || IsHealth(http.Request.Path) || IsAuthorized(http.Request, options.ApiKeys))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var presented = !string.IsNullOrEmpty(Presented(http.Request));
        await ApiResults.Problem(http, StatusCodes.Status401Unauthorized, "A function key is required.",
            presented
                ? $"The key in the {ApiRoutes.FunctionKeyHeader} header or ?{ApiRoutes.CodeQuery}= is not valid."
                : $"Send a key in the {ApiRoutes.FunctionKeyHeader} header or the ?{ApiRoutes.CodeQuery}= query parameter.")
            .ExecuteAsync(http).ConfigureAwait(false);
    }

    private static bool IsHealth(PathString path) =>
        path.StartsWithSegments(ApiRoutes.Health, StringComparison.OrdinalIgnoreCase, out var rest) && (!rest.HasValue || rest.Value == "/");
}
