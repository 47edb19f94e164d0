namespace Obs.Api.Validation;

/// <summary>What a field of a request body must hold.</summary>
public enum JsonKind
{
    String,
    Number,
    Integer,
    Boolean,
    Object,
    StringArray,
    ObjectArray,

    /// <summary>An object whose values are strings (or null).</summary>
    StringMap,

    /// <summary>A string or an array of strings (e.g. a shell line or an argument vector).</summary>
    StringOrStringArray,
}
