using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Obs.Testing.Otlp.Proto.Collector.Trace.V1;

namespace Obs.Testing.Otlp;

/// <summary>OTLP/HTTP adapter: <c>POST /v1/traces</c> with a binary protobuf body.</summary>
internal static class OtlpHttpTraceEndpoint
{
    public const string Path = "/v1/traces";
    private const string ProtobufContentType = "application/x-protobuf";

    public static async Task HandleAsync(HttpContext context, OtlpExportSink sink)
    {
        if (!string.Equals(context.Request.ContentType, ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        ExportTraceServiceRequest request;
        using (var body = await RequestBody.ReadAsync(context.Request).ConfigureAwait(false))
        {
            try
            {
                request = ExportTraceServiceRequest.Parser.ParseFrom(body);
            }
            catch (InvalidProtocolBufferException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        var response = sink.Accept(request, OtlpTransport.Http, context.Request);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ProtobufContentType;
        await context.Response.Body.WriteAsync(response.ToByteArray(), context.RequestAborted).ConfigureAwait(false);
    }
}
