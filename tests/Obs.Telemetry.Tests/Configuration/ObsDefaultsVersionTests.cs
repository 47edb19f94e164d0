using System.Reflection;
using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Configuration;

/// <summary>The version constant written at build time is the assembly's own version.</summary>
public sealed class ObsDefaultsVersionTests
{
    [Fact]
    public void ServiceVersion_IsTheAssemblysInformationalVersionWithoutTheRevision()
    {
        var informational = typeof(ObsDefaults).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(ObsDefaults.ServiceVersion, informational.Split('+')[0]);
        Assert.Equal(ObsDefaults.ServiceVersion, typeof(ObsDefaults).Assembly.GetName().Version!.ToString(3));
    }
}
