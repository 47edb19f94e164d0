namespace Obs.Orchestrations.Build;

/// <summary>What the value of a build definition key must be, as <see cref="BuildDefinitionLoader.Read"/> checks it.</summary>
public enum DefinitionValueKind
{
    /// <summary>A string (in YAML also a plain number or boolean, read as its text).</summary>
    String,

    /// <summary>A number of seconds.</summary>
    Seconds,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A list of strings.</summary>
    StringList,

    /// <summary>A mapping of names to strings or null (an environment).</summary>
    StringMap,

    /// <summary>A mapping with its own keys (<see cref="DefinitionKey.Keys"/>).</summary>
    Mapping,

    /// <summary>A list of mappings with their own keys (<see cref="DefinitionKey.Keys"/>).</summary>
    MappingList,
}
