using System.Text;

namespace Obs.Testing.Otlp;

/// <summary>One OTLP metrics export as it arrived: the transport (<see cref="OtlpTransport"/>) and the ExportMetricsServiceRequest's protobuf bytes.</summary>
public sealed record ReceivedMetricExport(string Transport, byte[] Payload)
{
    /// <summary>True when <paramref name="text"/> is in the payload as UTF-8 (protobuf keeps strings verbatim).</summary>
    public bool Names(string text) => Payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
