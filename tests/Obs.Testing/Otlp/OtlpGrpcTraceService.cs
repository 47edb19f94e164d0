using Grpc.Core;
using Obs.Testing.Otlp.Proto.Collector.Trace.V1;

namespace Obs.Testing.Otlp;

/// <summary>OTLP/gRPC adapter: <c>/opentelemetry.proto.collector.trace.v1.TraceService/Export</c>.</summary>
internal sealed class OtlpGrpcTraceService(OtlpExportSink sink) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(sink.Accept(request, OtlpTransport.Grpc, context.GetHttpContext().Request));
    }
}
