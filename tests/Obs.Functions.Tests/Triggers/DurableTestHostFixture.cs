using Microsoft.DurableTask.Testing;
using Obs.Api;
using Obs.Functions.Functions;
using Obs.Orchestrations;
using Obs.Orchestrations.Durable;
using Obs.Testing;

namespace Obs.Functions.Tests.Triggers;

/// <summary>
/// The app's HTTP triggers over Durable Task's in-process test host (gRPC on loopback) running Obs's
/// orchestrations, as the Functions host would run them: the API's orchestrations, options with a
/// temporary working root and no key check (the Functions host checks keys).
/// </summary>
public sealed class DurableTestHostFixture : IAsyncLifetime
{
    /// <summary>How long a test waits for an instance to finish or a span to end.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private DurableTaskTestHost? _host;

    public OrchestrationRegistry Registry { get; } = ApiOrchestrations.Register(new OrchestrationRegistry());

    public ObsApiOptions Options { get; } = new()
    {
        ServiceName = "test",
        RequireFunctionKey = false,
        WorkingRoot = Directory.CreateTempSubdirectory("obs-functions-triggers-").FullName,
    };

    public DurableTaskTestHost Host => _host ?? throw new InvalidOperationException("The Durable test host has not started.");

    /// <summary>The app's HTTP triggers, as the worker constructs them.</summary>
    public HttpApi Api => new(Options, Registry);

    /// <summary>The API's handlers over the host's client: the status API the Durable extension serves under Functions.</summary>
    public ObsApiHandlers Handlers => new(Client, Options);

    /// <summary>The Obs client over the host's Durable client.</summary>
    public DurableClient Client => new(Host.Client, Registry.Serializer);

    public async Task InitializeAsync() =>
        _host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddObs(Registry),
            new DurableTaskTestHostOptions { Port = LoopbackPorts.GetUnusedPort() });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(Options.WorkingRoot, recursive: true);
    }
}

/// <summary>The trigger tests share one Durable test host, and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DurableTestHostCollection : ICollectionFixture<DurableTestHostFixture>
{
    public const string Name = "Durable test host";
}
