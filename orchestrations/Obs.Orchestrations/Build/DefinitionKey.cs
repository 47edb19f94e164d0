namespace Obs.Orchestrations.Build;

/// <summary>
/// A key a build definition object accepts: its JSON name (the record property's
/// <c>JsonPropertyName</c>), what its value must be and, for mappings, the keys they accept.
/// Each record keeps its table beside its properties (<c>JsonKeys</c>); a test pins one to the other.
/// </summary>
public sealed record DefinitionKey(string Name, DefinitionValueKind Kind, IReadOnlyList<DefinitionKey>? Keys = null);
