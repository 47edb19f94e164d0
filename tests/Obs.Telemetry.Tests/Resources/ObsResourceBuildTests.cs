using Obs.Telemetry.Catalog;
using Obs.Telemetry.Resources;
using Obs.Telemetry.Tests.Exporters;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Tests.Resources;

/// <summary>
/// The resource made without a ResourceBuilder (<c>obs run</c>'s direct OTLP path) is the one the SDK's builder
/// makes from <see cref="ObsResource.Configure"/>: every attribute and value, configured attributes winning, only
/// <c>service.instance.id</c> new per resource.
/// </summary>
public sealed class ObsResourceBuildTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_gives_what_the_builder_gives(bool withConfiguredAttributes)
    {
        var options = ObsTelemetryHost.Options("obs-resource-build");
        options.App.Name = "checkout";
        if (withConfiguredAttributes)
        {
            options.ResourceAttributes["team"] = "platform";
            options.ResourceAttributes[AttributeKeys.Resource.DeploymentEnvironmentName] = "prod";
            options.ResourceAttributes[AttributeKeys.Resource.TelemetrySdkLanguage] = "overridden";
        }

        var built = Attributes(ObsResource.Build(options));
        var viaBuilder = Attributes(ObsResource.Configure(ResourceBuilder.CreateEmpty(), options).Build());

        Assert.NotEqual(viaBuilder[AttributeKeys.Resource.ServiceInstanceId], built[AttributeKeys.Resource.ServiceInstanceId]);
        Assert.True(Guid.TryParse((string)built[AttributeKeys.Resource.ServiceInstanceId], out _));
        built.Remove(AttributeKeys.Resource.ServiceInstanceId);
        viaBuilder.Remove(AttributeKeys.Resource.ServiceInstanceId);
        Assert.Equal(viaBuilder, built);
        Assert.Equal(withConfiguredAttributes ? "overridden" : "dotnet", built[AttributeKeys.Resource.TelemetrySdkLanguage]);
    }

    private static Dictionary<string, object> Attributes(Resource resource) =>
        resource.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
}
