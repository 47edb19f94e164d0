using System.Buffers.Binary;
using Microsoft.AspNetCore.Http;

namespace Obs.Testing.Otlp;

/// <summary>
/// OTLP metrics, both transports: <c>POST /v1/metrics</c> (protobuf) and the gRPC
/// <c>MetricsService/Export</c> call, answered by hand. The receiver keeps each export's raw protobuf
/// (<see cref="ReceivedMetricExport"/>): the tests ask what went over the wire (an instrument's name, the
/// service), not for a decoded metrics model, so no metrics .proto is compiled here.
/// </summary>
internal static class OtlpMetricsEndpoint
{
    public const string HttpPath = "/v1/metrics";
    public const string GrpcPath = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

    // An empty ExportMetricsServiceResponse: no partial_success, i.e. every point accepted.
    private static readonly byte[] EmptyResponse = [];

    public static async Task HandleHttpAsync(HttpContext context, ReceivedItems<ReceivedMetricExport> exports)
    {
        using var body = await RequestBody.ReadAsync(context.Request).ConfigureAwait(false);
        exports.AddRange([new ReceivedMetricExport(OtlpTransport.Http, body.ToArray())]);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
        await context.Response.Body.WriteAsync(EmptyResponse, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>One unary gRPC call: a length-prefixed message in, a length-prefixed empty message and grpc-status 0 out.</summary>
    public static async Task HandleGrpcAsync(HttpContext context, ReceivedItems<ReceivedMetricExport> exports)
    {
        using var body = await RequestBody.ReadAsync(context.Request).ConfigureAwait(false);
        var frame = body.ToArray();
        if (frame.Length < 5 || frame[0] != 0 || BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1)) != frame.Length - 5)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        exports.AddRange([new ReceivedMetricExport(OtlpTransport.Grpc, frame[5..])]);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 0 }, context.RequestAborted).ConfigureAwait(false);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
