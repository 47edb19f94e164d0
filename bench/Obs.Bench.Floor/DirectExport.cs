using System.Diagnostics;
using System.Runtime.CompilerServices;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;

/// <summary>The SDK's OTLP exporter fed by hand: an ActivityListener records, the exporter sends, no provider is built.</summary>
internal static class DirectExport
{
    public static int Run(Uri endpoint)
    {
#pragma warning disable RS0030
        using var source = new ActivitySource("obs-floor");
#pragma warning restore RS0030
        var ended = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "obs-floor",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = ended.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using (source.StartActivity("true"))
        {
        }

        using var exporter = new OtlpTraceExporter(new OtlpExporterOptions { Endpoint = endpoint });
        SetResource(exporter, ResourceBuilder.CreateDefault().AddService("obs-floor").Build());
        var result = exporter.Export(new Batch<Activity>([.. ended], ended.Count));
        exporter.Shutdown(1000);
        return result == ExportResult.Success ? 0 : 1;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Resource")]
    private static extern void SetResource(OtlpTraceExporter exporter, Resource resource);
}
