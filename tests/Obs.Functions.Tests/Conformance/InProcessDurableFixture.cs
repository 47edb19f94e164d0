using Microsoft.DurableTask.Testing;
using Obs.Orchestrations.Durable;
using Obs.Testing;

namespace Obs.Functions.Tests.Conformance;

/// <summary>The Durable Task SDK's worker and client over the SDK's own in-process test backend.</summary>
public sealed class InProcessDurableFixture : EngineFixture
{
    private DurableTaskTestHost? _host;

    public override async Task InitializeAsync()
    {
        _host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddObs(Registry),
            new DurableTaskTestHostOptions { Port = LoopbackPorts.GetUnusedPort() });
        Client = new DurableClient(_host.Client, Registry.Serializer);
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
