using System.Text.Json;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// What MSBuild's evaluation of a project (<c>dotnet msbuild -getProperty:… -getItem:PackageReference</c>) says
/// about how its tests run: on VSTest (<c>Microsoft.NET.Test.Sdk</c>, run by <c>dotnet test</c>) or as a
/// Microsoft.Testing.Platform application (xunit v3, the MSTest runner, TUnit: an executable that runs its own tests).
/// </summary>
public sealed record DotnetProjectEvaluation
{
    /// <summary>The properties to ask for; <see cref="Parse"/> reads them.</summary>
    public static readonly string[] Properties =
    [
        "IsTestProject", "IsTestingPlatformApplication", "EnableMSTestRunner", "EnableNUnitRunner",
        "UseMicrosoftTestingPlatformRunner", "TargetFramework", "TargetFrameworks",
        "RunCommand", "RunArguments", "RunWorkingDirectory", "TargetPath", "ProjectAssetsFile",
    ];

    /// <summary>
    /// Packages that make a project a Microsoft.Testing.Platform test application before restore has run (afterwards
    /// their build files set <c>IsTestingPlatformApplication</c>). xunit v3's <c>mtp-off</c> flavours are VSTest-only.
    /// </summary>
    private static readonly HashSet<string> s_testingPlatformPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        "xunit.v3", "xunit.v3.mtp-v1", "xunit.v3.mtp-v2", "xunit.v3.core", "xunit.v3.core.mtp-v1", "xunit.v3.core.mtp-v2",
        "TUnit", "TUnit.Engine", "Microsoft.Testing.Platform", "Microsoft.Testing.Platform.MSBuild",
    };

    /// <summary>Properties that turn a framework's Microsoft.Testing.Platform runner on.</summary>
    private static readonly string[] s_testingPlatformSwitches =
        ["IsTestingPlatformApplication", "EnableMSTestRunner", "EnableNUnitRunner", "UseMicrosoftTestingPlatformRunner"];

    /// <summary>The evaluation of a project MSBuild could not evaluate: nothing is known.</summary>
    public static readonly DotnetProjectEvaluation None = new();

    /// <summary><c>IsTestProject</c> is true.</summary>
    public bool IsTestProject { get; init; }

    /// <summary>The project references <c>Microsoft.NET.Test.Sdk</c>, VSTest's host.</summary>
    public bool ReferencesTestSdk { get; init; }

    /// <summary>The project references the MSTest meta-package, which brings VSTest's SDK or the platform runner.</summary>
    public bool ReferencesMSTest { get; init; }

    /// <summary>A Microsoft.Testing.Platform application: a switch property is true or a platform test framework is referenced.</summary>
    public bool UsesTestingPlatform { get; init; }

    /// <summary>The one framework built, or the several of <c>TargetFrameworks</c>.</summary>
    public IReadOnlyList<string> TargetFrameworks { get; init; } = [];

    /// <summary>What <c>dotnet run</c> starts (the app host, or <c>dotnet</c>); meaningful after a build.</summary>
    public string? RunCommand { get; init; }

    /// <summary>The arguments <c>dotnet run</c> gives <see cref="RunCommand"/> (e.g. <c>exec "app.dll"</c>).</summary>
    public string? RunArguments { get; init; }

    /// <summary>The directory <c>dotnet run</c> starts the app in, when the project sets one.</summary>
    public string? RunWorkingDirectory { get; init; }

    /// <summary>The built assembly.</summary>
    public string? TargetPath { get; init; }

    /// <summary>Restore's <c>project.assets.json</c>, which names the package versions resolved.</summary>
    public string? ProjectAssetsFile { get; init; }

    /// <summary>Whether the project is a test project on either platform.</summary>
    public bool IsTest => IsTestProject || ReferencesTestSdk || ReferencesMSTest || UsesTestingPlatform;

    /// <summary>Reads the JSON of <c>dotnet msbuild -getProperty:…</c> for <see cref="Properties"/> and <c>-getItem:PackageReference</c>.</summary>
    /// <returns><see cref="None"/> when the text is not that JSON (MSBuild printed an error instead).</returns>
    public static DotnetProjectEvaluation Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var properties = root.TryGetProperty("Properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            string? Property(string name) =>
                properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                    ? text
                    : null;
            bool IsTrue(string name) => string.Equals(Property(name), "true", StringComparison.OrdinalIgnoreCase);

            var packages = root.TryGetProperty("Items", out var items) && items.ValueKind == JsonValueKind.Object
                && items.TryGetProperty("PackageReference", out var references) && references.ValueKind == JsonValueKind.Array
                    ? references.EnumerateArray()
                        .Select(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("Identity", out var id) ? id.GetString() : null)
                        .OfType<string>()
                        .ToList()
                    : [];

            var frameworks = Property("TargetFramework") is { } single
                ? [single]
                : (Property("TargetFrameworks") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            return new DotnetProjectEvaluation
            {
                IsTestProject = IsTrue("IsTestProject"),
                ReferencesTestSdk = packages.Contains("Microsoft.NET.Test.Sdk", StringComparer.OrdinalIgnoreCase),
                ReferencesMSTest = packages.Contains("MSTest", StringComparer.OrdinalIgnoreCase),
                UsesTestingPlatform = s_testingPlatformSwitches.Any(IsTrue) || packages.Any(s_testingPlatformPackages.Contains),
                TargetFrameworks = frameworks,
                RunCommand = Property("RunCommand"),
                RunArguments = Property("RunArguments"),
                RunWorkingDirectory = Property("RunWorkingDirectory"),
                TargetPath = Property("TargetPath"),
                ProjectAssetsFile = Property("ProjectAssetsFile"),
            };
        }
        catch (JsonException)
        {
            return None;
        }
    }
}
