namespace Obs.Testing.Zipkin;

/// <summary>A Zipkin annotation (the wire form of a span event); <paramref name="Timestamp"/> in epoch microseconds.</summary>
public sealed record ZipkinAnnotation(long Timestamp, string Value);
