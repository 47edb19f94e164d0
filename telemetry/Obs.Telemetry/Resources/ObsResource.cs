using System.Globalization;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Resources;

/// <summary>
/// The resource every Obs span and metric carries: service, deployment environment (both the
/// semantic-convention <c>deployment.environment.name</c> and the original <c>deployment.environment</c>),
/// telemetry.sdk.*, host, process and OS, the git checkout (<c>vcs.repository.url.full</c>,
/// <c>vcs.ref.head.name</c>, <c>vcs.ref.head.revision</c>), then the configured <c>resource_attributes</c>
/// (<c>OTEL_RESOURCE_ATTRIBUTES</c>) merged over them. Service name and version always come from
/// the options, whose layering already gave <c>OTEL_SERVICE_NAME</c> its precedence.
/// </summary>
public static class ObsResource
{
    /// <summary>Replaces whatever <paramref name="builder"/> held with the Obs resource.</summary>
    public static ResourceBuilder Configure(ResourceBuilder builder, ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        // Clear() drops the SDK's own environment detector: it would read OTEL_* directly and
        // bypass Obs' precedence (flags over environment over YAML). telemetry.sdk.* are the values
        // AddTelemetrySdk() gives (ObsResourceWireTests pins them), written out: AddTelemetrySdk() runs the SDK's
        // static constructor, which reads its version by reflection and starts self-diagnostics, a twentieth of
        // `obs run` with an exporter (docs/PERFORMANCE.md).
        return builder
            .Clear()
            .AddService(options.ServiceName, serviceVersion: options.ServiceVersion, autoGenerateServiceInstanceId: true)
            .AddAttributes(TelemetrySdk)
            .AddAttributes(Attributes(options));
    }

    /// <summary>
    /// The resource <see cref="Configure"/> builds, made without a <see cref="ResourceBuilder"/>, whose static
    /// constructor runs the SDK's (see above): for a host that feeds the SDK's exporters without a tracer provider
    /// (<see cref="Tracing.DirectOtlpTracing"/>). Later values win, as the builder's merge does.
    /// </summary>
    public static Resource Build(ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [AttributeKeys.Resource.ServiceName] = options.ServiceName,
        };
        if (options.ServiceVersion is { } version)
        {
            attributes[AttributeKeys.Resource.ServiceVersion] = version;
        }

        attributes[AttributeKeys.Resource.ServiceInstanceId] = Guid.NewGuid().ToString();
        foreach (var (key, value) in TelemetrySdk.Concat(Attributes(options)))
        {
            attributes[key] = value;
        }

        return new Resource(attributes);
    }

    private static readonly KeyValuePair<string, object>[] TelemetrySdk =
    [
        new(AttributeKeys.Resource.TelemetrySdkName, "opentelemetry"),
        new(AttributeKeys.Resource.TelemetrySdkLanguage, "dotnet"),
        new(AttributeKeys.Resource.TelemetrySdkVersion, ObsVersion.OpenTelemetrySdk),
    ];

    /// <summary>The attributes beside service.* and telemetry.sdk.*.</summary>
    public static IReadOnlyDictionary<string, object> Attributes(ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [AttributeKeys.Resource.DeploymentEnvironmentName] = options.App.Environment,
            [AttributeKeys.Resource.DeploymentEnvironmentLegacy] = options.App.Environment,
            [AttributeKeys.Resource.HostName] = Environment.MachineName,
            [AttributeKeys.Resource.ProcessPid] = (long)Environment.ProcessId,
            [AttributeKeys.Resource.OsType] = OsType(),
        };
        if (!string.IsNullOrEmpty(options.App.Name))
        {
            attributes[AttributeKeys.Resource.AppName] = options.App.Name;
        }

        if (!string.IsNullOrEmpty(options.App.Version))
        {
            attributes[AttributeKeys.Resource.AppVersion] = options.App.Version;
        }

        AddCheckout(attributes, GitCheckout.Find(Directory.GetCurrentDirectory()));
        foreach (var (key, value) in options.ResourceAttributes)
        {
            attributes[key] = value;
        }

        // One environment, two names: whichever the user set explicitly fills both.
        if (options.ResourceAttributes.TryGetValue(AttributeKeys.Resource.DeploymentEnvironmentName, out var environment)
            || options.ResourceAttributes.TryGetValue(AttributeKeys.Resource.DeploymentEnvironmentLegacy, out environment))
        {
            attributes[AttributeKeys.Resource.DeploymentEnvironmentName] = environment;
            attributes[AttributeKeys.Resource.DeploymentEnvironmentLegacy] = environment;
        }

        attributes.Remove(AttributeKeys.Resource.ServiceName);
        attributes.Remove(AttributeKeys.Resource.ServiceVersion);
        return attributes;
    }

    /// <summary>The <c>vcs.*</c> attributes of the checkout the process runs in (none outside one).</summary>
    public static void AddCheckout(IDictionary<string, object> attributes, GitCheckout? checkout)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (checkout?.RepositoryUrl is { } url)
        {
            attributes[AttributeKeys.Vcs.RepositoryUrlFull] = url;
        }

        if (checkout?.Branch is { } branch)
        {
            attributes[AttributeKeys.Vcs.RefHeadName] = branch;
        }

        if (checkout?.Revision is { } revision)
        {
            attributes[AttributeKeys.Vcs.RefHeadRevision] = revision;
        }
    }

    private static string OsType() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "darwin"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : Environment.OSVersion.Platform.ToString().ToLower(CultureInfo.InvariantCulture);
}
