using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Obs.Api.Payloads;
using Obs.Api.Validation;

namespace Obs.Api.Http;

/// <summary>The API's responses: JSON through <see cref="ApiJsonContext"/>, errors as RFC 7807 problem details.</summary>
public static class ApiResults
{
    public const string ProblemContentType = "application/problem+json";

    public static IResult Problem(HttpContext http, int status, string title, string? detail = null, ProblemList? problems = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var problem = new ApiProblem
        {
            Status = status,
            Title = title,
            Detail = detail,
            Instance = http.Request.Path.Value,
            Errors = problems?.ToErrors(),
            TraceId = Activity.Current?.TraceId.ToHexString(),
        };
        return TypedResults.Json(problem, ApiJsonContext.Readable.ApiProblem, ProblemContentType, status);
    }

    /// <summary>400 listing every problem of the request.</summary>
    public static IResult Invalid(HttpContext http, ProblemList problems) =>
        Problem(http, StatusCodes.Status400BadRequest, "The request is invalid.",
            problems.Count == 1 ? "1 problem; see errors." : $"{problems.Count} problems; see errors.", problems);

    public static IResult Invalid(HttpContext http, string path, string message)
    {
        var problems = new ProblemList();
        problems.Add(path, message);
        return Invalid(http, problems);
    }

    public static IResult NotFound(HttpContext http, string detail) =>
        Problem(http, StatusCodes.Status404NotFound, "Not found.", detail);
}
