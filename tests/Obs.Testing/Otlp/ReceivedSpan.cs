namespace Obs.Testing.Otlp;

/// <summary>One span as an OTLP exporter put it on the wire, flattened out of its resource and scope.</summary>
public sealed record ReceivedSpan
{
    /// <summary>32 lowercase hex characters.</summary>
    public required string TraceId { get; init; }

    /// <summary>16 lowercase hex characters.</summary>
    public required string SpanId { get; init; }

    /// <summary>Null for a root span (empty <c>parent_span_id</c> on the wire).</summary>
    public string? ParentSpanId { get; init; }

    public required string Name { get; init; }

    /// <summary>OTLP <c>SpanKind</c>: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</summary>
    public int Kind { get; init; }

    public long StartUnixNano { get; init; }

    public long EndUnixNano { get; init; }

    /// <summary>Values are <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <c>object?[]</c>, a nested dictionary or <c>byte[]</c>.</summary>
    public IReadOnlyDictionary<string, object?> Attributes { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<ReceivedEvent> Events { get; init; } = [];

    public IReadOnlyList<(string TraceId, string SpanId)> Links { get; init; } = [];

    /// <summary>OTLP <c>StatusCode</c>: 0 unset, 1 ok, 2 error.</summary>
    public int StatusCode { get; init; }

    /// <summary>Null when the wire carried no message.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>Attributes of the enclosing resource, e.g. <c>service.name</c>.</summary>
    public IReadOnlyDictionary<string, object?> Resource { get; init; } = new Dictionary<string, object?>();

    /// <summary>Name of the enclosing instrumentation scope (the ActivitySource name).</summary>
    public string ScopeName { get; init; } = "";

    /// <summary><see cref="OtlpTransport.Grpc"/> or <see cref="OtlpTransport.Http"/>.</summary>
    public required string Transport { get; init; }
}
