using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Obs.Functions.Functions;

/// <summary>
/// Runs an Obs.Api <see cref="IResult"/> as the <see cref="IActionResult"/> the worker's ASP.NET Core
/// integration executes for a trigger's return value (it executes action results, not <see cref="IResult"/>).
/// </summary>
public sealed class HttpResultAction : IActionResult
{
    public HttpResultAction(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>The handler's result.</summary>
    public IResult Result { get; }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
