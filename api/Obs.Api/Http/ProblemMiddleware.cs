using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Obs.Telemetry.Tracing;

namespace Obs.Api.Http;

/// <summary>
/// Middleware for hosts that run the API on their own pipeline (<c>obs serve</c>): a request Kestrel could
/// not read, or a handler that threw, is answered as problem details and recorded on the request's span.
/// </summary>
public static class ProblemMiddleware
{
    public static async Task AnswerFailuresAsProblemsAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await ApiResults.Problem(http, ex.StatusCode, "The request could not be read.", ex.Message).ExecuteAsync(http).ConfigureAwait(false);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            Activity.Current.RecordFailure(ex);
            await ApiResults.Problem(http, StatusCodes.Status500InternalServerError, "The server failed to handle the request.", ex.Message)
                .ExecuteAsync(http).ConfigureAwait(false);
        }
    }
}
