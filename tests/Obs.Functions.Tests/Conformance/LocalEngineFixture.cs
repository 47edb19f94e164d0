using Obs.Orchestrations.Local.Engine;

namespace Obs.Functions.Tests.Conformance;

/// <summary>The embedded engine the CLI and <c>obs serve</c> use, on a temp SQLite file.</summary>
public sealed class LocalEngineFixture : EngineFixture
{
    private LocalOrchestrationEngine? _engine;

    public override async Task InitializeAsync()
    {
        _engine = new LocalOrchestrationEngine(Registry, new LocalEngineOptions
        {
            DatabasePath = Path.Combine(WorkingDirectory, "state.db"),
            MaxConcurrentActivities = 4,
        });
        await _engine.StartAsync();
        Client = _engine.Client;
    }

    public override async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
