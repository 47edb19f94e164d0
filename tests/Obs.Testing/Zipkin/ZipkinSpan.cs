namespace Obs.Testing.Zipkin;

/// <summary>One span of a Zipkin v2 JSON post, as the exporter wrote it.</summary>
public sealed record ZipkinSpan
{
    /// <summary>Lowercase hex, 16 or 32 characters.</summary>
    public required string TraceId { get; init; }

    public required string Id { get; init; }

    /// <summary>Null for a root span.</summary>
    public string? ParentId { get; init; }

    public string? Name { get; init; }

    /// <summary><c>CLIENT</c>, <c>SERVER</c>, <c>PRODUCER</c>, <c>CONSUMER</c>, or null (internal).</summary>
    public string? Kind { get; init; }

    /// <summary>Epoch microseconds.</summary>
    public long? Timestamp { get; init; }

    /// <summary>Microseconds.</summary>
    public long? Duration { get; init; }

    /// <summary><c>localEndpoint.serviceName</c>.</summary>
    public string? ServiceName { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<ZipkinAnnotation> Annotations { get; init; } = [];
}
