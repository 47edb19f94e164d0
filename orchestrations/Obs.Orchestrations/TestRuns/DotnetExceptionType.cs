using System.Text.RegularExpressions;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The type of the exception a failed .NET test threw, read from what its report keeps: the failure message, and
/// the test adapter that ran it (TRX's <c>adapterTypeName</c>, JunitXml.TestLogger's <c>hostname</c>).
/// </summary>
/// <remarks>
/// xUnit.net prefixes a thrown exception's message with its full type name (<c>System.InvalidOperationException :
/// boom</c>) and MSTest names it after <c>Test method … threw exception:</c>; both leave their own assertion
/// exceptions unnamed. xUnit.net's assertion messages start <c>Assert.Equal() Failure</c> for its
/// <c>Xunit.Sdk.EqualException</c>, and so for every assertion; one with the user's message only is still an
/// xUnit.net assertion (an <c>Xunit.Sdk.XunitException</c>). An MSTest failure that threw nothing named is an
/// assertion's <c>AssertFailedException</c>.
/// </remarks>
internal static partial class DotnetExceptionType
{
    /// <summary>The base type of every xUnit.net assertion exception.</summary>
    public const string XunitAssertion = "Xunit.Sdk.XunitException";

    /// <summary>The exception every failed MSTest assertion throws.</summary>
    public const string MSTestAssertion = "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException";

    /// <summary>The exception type for a failure with <paramref name="message"/>; null when neither it nor the adapter tells.</summary>
    /// <param name="message">The failure message as the report keeps it.</param>
    /// <param name="adapter">The adapter's executor URI (<c>executor://xunit/VsTestRunner3/netcore/</c>), when known.</param>
    public static string? FromMessage(string? message, string? adapter)
    {
        if (message is null)
        {
            return null;
        }

        if (ThrownPrefix().Match(message) is { Success: true } thrown)
        {
            return thrown.Groups["type"].Value;
        }

        if (XunitAssertMessage().Match(message) is { Success: true } assertion)
        {
            return $"Xunit.Sdk.{assertion.Groups["assert"].Value}Exception";
        }

        return AdapterOf(adapter) switch
        {
            "xunit" => XunitAssertion,
            "mstest" => MSTestAssertion,
            _ => null,
        };
    }

    /// <summary>
    /// The framework an executor URI names, lower-cased: <c>executor://xunit/…</c> and xunit v3's own
    /// <c>executor://{run id}/xunit.v3/4.0.3</c> are <c>xunit</c>; <c>executor://MSTest.Sdk/4.5.3</c> and
    /// <c>executor://mstestadapter/v2</c> are <c>mstest</c>.
    /// </summary>
    private static string? AdapterOf(string? adapter)
    {
        if (string.IsNullOrEmpty(adapter) || !adapter.StartsWith("executor://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = adapter["executor://".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p.Equals("xunit", StringComparison.OrdinalIgnoreCase) || p.StartsWith("xunit.", StringComparison.OrdinalIgnoreCase)))
        {
            return "xunit";
        }

        return parts.Any(p => p.StartsWith("mstest", StringComparison.OrdinalIgnoreCase)) ? "mstest" : null;
    }

    /// <summary>
    /// <c>System.InvalidOperationException : boom</c> (xUnit.net: a namespace-qualified type, then <c> : </c>),
    /// <c>Test method Shop.Tests.T.M threw exception:\nSystem.InvalidOperationException: boom</c> (MSTest) or any
    /// <c>…Exception:</c> first.
    /// </summary>
    [GeneratedRegex(@"^(?:Test method [\w.`+]+ threw exception:\s*)?(?:(?<type>[A-Za-z_][\w`+]*(?:\.[A-Za-z_][\w`+]*)+) : |(?<type>[A-Za-z_][\w.`+]*Exception)\s?:)")]
    private static partial Regex ThrownPrefix();

    /// <summary>xUnit.net's assertion messages: <c>Assert.Equal() Failure: Values differ</c>.</summary>
    [GeneratedRegex(@"^Assert\.(?<assert>[A-Z]\w*)\(\) Failure")]
    private static partial Regex XunitAssertMessage();
}
