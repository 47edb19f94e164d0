// Facade (never shipped): Azure/azure-functions-dotnet-worker src/DotNetWorker.OpenTelemetry/ConfigureFunctionsOpenTelemetry.cs
// (the IOpenTelemetryBuilder signature of the current source; the 1.0 preview extended OpenTelemetryBuilder,
// which services.AddOpenTelemetry() also returns, so Program.cs compiles against either).
using OpenTelemetry;

namespace Microsoft.Azure.Functions.Worker.OpenTelemetry;

public static class ConfigureFunctionsOpenTelemetry
{
    public static IOpenTelemetryBuilder UseFunctionsWorkerDefaults(this IOpenTelemetryBuilder builder) =>
        throw new NotSupportedException("facade");
}
