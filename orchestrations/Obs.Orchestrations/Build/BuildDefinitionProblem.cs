namespace Obs.Orchestrations.Build;

/// <summary>
/// One problem with a build definition, at the path of the value it is about (<c>steps[0].timeout</c>,
/// <c>$</c> for the definition as a whole): the CLI prints <c>path: message</c>, the HTTP API lists the
/// message under the path in its 400 problem details.
/// </summary>
public sealed record BuildDefinitionProblem(string Path, string Message)
{
    /// <summary>The path of the definition as a whole.</summary>
    public const string Root = "$";

    public override string ToString() => Path == Root ? Message : $"{Path}: {Message}";

    /// <summary>A child path: <c>steps[2]</c> + <c>name</c> → <c>steps[2].name</c>.</summary>
    public static string Join(string parent, string key) => parent == Root ? key : $"{parent}.{key}";

    /// <summary>An item's path: <c>steps</c> + 2 → <c>steps[2]</c>.</summary>
    public static string Index(string parent, int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
