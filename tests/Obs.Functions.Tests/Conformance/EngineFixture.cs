using Obs.Api;
using Obs.Orchestrations;
using Obs.Testing.Tracing;

namespace Obs.Functions.Tests.Conformance;

/// <summary>
/// One orchestration engine, started once per test class, running the API's orchestrations (the ones
/// every host registers) and the conformance probes, with a span collector over Obs's sources.
/// </summary>
public abstract class EngineFixture : IAsyncLifetime
{
    protected EngineFixture()
    {
        Registry = ConformanceProbes.Register(ApiOrchestrations.Register(new OrchestrationRegistry()));
        WorkingDirectory = Directory.CreateTempSubdirectory("obs-conformance-").FullName;
    }

    public OrchestrationRegistry Registry { get; }

    public ObsSpanCollector Spans { get; } = new();

    /// <summary>Where builds and test runs work; deleted with the fixture.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The Obs client over the engine; set once started.</summary>
    public OrchestrationClient Client { get; protected set; } = null!;

    /// <summary>Why the engine could not start here (a missing emulator); null when it runs.</summary>
    public string? SkipReason { get; protected set; }

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync()
    {
        Spans.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
