using Microsoft.AspNetCore.Http;
using Obs.Testing.Otlp.Proto.Collector.Trace.V1;

namespace Obs.Testing.Otlp;

/// <summary>The transport-free half of the receiver: gRPC and HTTP both hand their requests here.</summary>
internal sealed class OtlpExportSink(bool keepSpans = true)
{
    private int _requestCount;
    private long _spanCount;
    private long _payloadBytes;
    private IReadOnlyDictionary<string, string>? _lastRequestHeaders;

    public ReceivedItems<ReceivedSpan> Spans { get; } = new();

    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Spans received, counted even when they are not kept.</summary>
    public long SpanCount => Interlocked.Read(ref _spanCount);

    /// <summary>Protobuf bytes of every export request received (the spans' size on the wire, before framing).</summary>
    public long PayloadBytes => Interlocked.Read(ref _payloadBytes);

    public IReadOnlyDictionary<string, string>? LastRequestHeaders => Volatile.Read(ref _lastRequestHeaders);

    public ExportTraceServiceResponse Accept(ExportTraceServiceRequest request, string transport, HttpRequest httpRequest)
    {
        // Headers first so a test woken by the span signal already sees them.
        Volatile.Write(ref _lastRequestHeaders, RequestBody.Headers(httpRequest));
        Interlocked.Increment(ref _requestCount);
        Interlocked.Add(ref _payloadBytes, request.CalculateSize());
        Interlocked.Add(ref _spanCount, request.ResourceSpans.Sum(resource => resource.ScopeSpans.Sum(scope => (long)scope.Spans.Count)));
        if (keepSpans)
        {
            Spans.AddRange(OtlpSpanFlattener.Flatten(request, transport));
        }

        return new ExportTraceServiceResponse();
    }
}
