namespace Obs.Orchestrations.Build;

/// <summary>The syntax a build definition was written in, which decides how strictly strings are read.</summary>
public enum DefinitionSyntax
{
    /// <summary>JSON (a <c>.json</c> file, an HTTP body): a string is a JSON string.</summary>
    Json,

    /// <summary>
    /// YAML (a <c>.yaml</c> file, the config file's <c>build:</c> section): a plain number or boolean
    /// where a string is expected is its text, as YAML users write them (<c>args: [-j, 4]</c>, <c>env: {DEBUG: 1}</c>).
    /// </summary>
    Yaml,
}
