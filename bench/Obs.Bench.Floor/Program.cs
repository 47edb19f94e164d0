using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

// obs-floor                 — start and exit: the NativeAOT runtime alone
// obs-floor sdk             — the OpenTelemetry SDK's tracer provider, one span, shut down
// obs-floor otlp ENDPOINT   — the same, exported over OTLP/gRPC to ENDPOINT
// obs-floor direct ENDPOINT — one span exported over OTLP/gRPC by the SDK's exporter, without a tracer provider
var mode = args.Length > 0 ? args[0] : "";
if (mode.Length == 0)
{
    return 0;
}

if (mode == "direct")
{
    return DirectExport.Run(new Uri(args[1]));
}

#pragma warning disable RS0030 // The floor links nothing of Obs, so not its catalog either: a source of its own.
using var source = new ActivitySource("obs-floor");
#pragma warning restore RS0030
var builder = Sdk.CreateTracerProviderBuilder().AddSource(source.Name);
if (mode == "otlp")
{
    builder.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(args[1]));
}

using (builder.Build())
{
    using (source.StartActivity("true"))
    {
    }
}

return 0;
