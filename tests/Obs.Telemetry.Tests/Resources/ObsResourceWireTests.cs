using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tests.Exporters;
using Obs.Testing.Otlp;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Tests.Resources;

public sealed class ObsResourceWireTests
{
    [Fact]
    public async Task Resource_DefaultDetectors_ArriveOnEverySpan()
    {
        var options = ObsTelemetryHost.Options("obs-resource");
        options.ServiceVersion = "9.8.7";
        options.App.Name = "checkout";
        options.App.Version = "2024.6";
        options.App.Environment = "staging";

        var resource = await ReceivedResourceAsync(options);

        Assert.Equal("obs-resource", resource[AttributeKeys.Resource.ServiceName]);
        Assert.Equal("9.8.7", resource[AttributeKeys.Resource.ServiceVersion]);
        Assert.False(string.IsNullOrEmpty(resource[AttributeKeys.Resource.ServiceInstanceId] as string));
        Assert.Equal("staging", resource[AttributeKeys.Resource.DeploymentEnvironmentName]);
        Assert.Equal("staging", resource[AttributeKeys.Resource.DeploymentEnvironmentLegacy]);
        Assert.Equal("opentelemetry", resource["telemetry.sdk.name"]);
        Assert.Equal("dotnet", resource["telemetry.sdk.language"]);
        Assert.Equal(SdkVersion(), resource["telemetry.sdk.version"]);
        Assert.Equal(Environment.MachineName, resource[AttributeKeys.Resource.HostName]);
        Assert.Equal((long)Environment.ProcessId, resource[AttributeKeys.Resource.ProcessPid]);
        Assert.Equal(ExpectedOsType(), resource[AttributeKeys.Resource.OsType]);
        Assert.Equal("checkout", resource[AttributeKeys.Resource.AppName]);
        Assert.Equal("2024.6", resource[AttributeKeys.Resource.AppVersion]);
    }

    [Fact]
    public async Task Resource_NoAppSection_DefaultEnvironmentAndNoAppAttributes()
    {
        var resource = await ReceivedResourceAsync(ObsTelemetryHost.Options());

        Assert.Equal(ObsDefaults.Environment, resource[AttributeKeys.Resource.DeploymentEnvironmentName]);
        Assert.Equal(ObsDefaults.Environment, resource[AttributeKeys.Resource.DeploymentEnvironmentLegacy]);
        Assert.Equal(ObsDefaults.ServiceVersion, resource[AttributeKeys.Resource.ServiceVersion]);
        Assert.False(resource.ContainsKey(AttributeKeys.Resource.AppName));
        Assert.False(resource.ContainsKey(AttributeKeys.Resource.AppVersion));
    }

    [Fact]
    public async Task ResourceAttributes_CustomKeys_AreMergedBesideTheDetectedOnes()
    {
        var options = ObsTelemetryHost.Options("obs-resource-merge");
        options.ResourceAttributes["team"] = "platform";
        options.ResourceAttributes["cloud.region"] = "westeurope";

        var resource = await ReceivedResourceAsync(options);

        Assert.Equal("platform", resource["team"]);
        Assert.Equal("westeurope", resource["cloud.region"]);
        Assert.Equal("obs-resource-merge", resource[AttributeKeys.Resource.ServiceName]);
        Assert.Equal(Environment.MachineName, resource[AttributeKeys.Resource.HostName]);
    }

    [Theory]
    [InlineData(AttributeKeys.Resource.DeploymentEnvironmentLegacy)]
    [InlineData(AttributeKeys.Resource.DeploymentEnvironmentName)]
    public async Task ResourceAttributes_EitherEnvironmentName_FillsBothNamesOverAppEnvironment(string key)
    {
        var options = ObsTelemetryHost.Options();
        options.App.Environment = "development";
        options.ResourceAttributes[key] = "production";

        var resource = await ReceivedResourceAsync(options);

        Assert.Equal("production", resource[AttributeKeys.Resource.DeploymentEnvironmentName]);
        Assert.Equal("production", resource[AttributeKeys.Resource.DeploymentEnvironmentLegacy]);
    }

    [Fact]
    public async Task ResourceAttributes_ServiceNameAndVersion_CannotOverrideTheOptions()
    {
        var options = ObsTelemetryHost.Options("obs-resource-wins");
        options.ServiceVersion = "1.2.3";
        options.ResourceAttributes[AttributeKeys.Resource.ServiceName] = "impostor";
        options.ResourceAttributes[AttributeKeys.Resource.ServiceVersion] = "0.0.0-impostor";

        var resource = await ReceivedResourceAsync(options);

        Assert.Equal("obs-resource-wins", resource[AttributeKeys.Resource.ServiceName]);
        Assert.Equal("1.2.3", resource[AttributeKeys.Resource.ServiceVersion]);
    }

    /// <summary>The resource of a trace sent through <c>AddObsTelemetry</c> over OTLP, as the collector saw it.</summary>
    private static async Task<IReadOnlyDictionary<string, object?>> ReceivedResourceAsync(ObsTelemetryOptions options)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        options.OtlpEndpoint = receiver.GrpcEndpoint;
        IReadOnlyList<ReceivedSpan> spans;
        using (var host = ObsTelemetryHost.Start(options))
        {
            var trace = BuildTrace.EmitListened();
            host.Flush();
            spans = trace.Mine(await trace.WaitAsync(receiver));
        }

        Assert.Equal(2, spans.Count);
        Assert.Equal(spans[0].Resource, spans[1].Resource);
        return spans[0].Resource;
    }

    private static object SdkVersion() =>
        ResourceBuilder.CreateEmpty().AddTelemetrySdk().Build().Attributes.Single(a => a.Key == "telemetry.sdk.version").Value;

    private static string ExpectedOsType() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "darwin"
        : "freebsd";
}
