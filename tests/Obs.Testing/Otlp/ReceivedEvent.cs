namespace Obs.Testing.Otlp;

/// <summary>A span event as received over OTLP.</summary>
public sealed record ReceivedEvent(string Name, IReadOnlyDictionary<string, object?> Attributes);
