using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Obs.Orchestrations.Durable;
using Obs.Testing;
using Obs.Testing.Azurite;

namespace Obs.Functions.Tests.Conformance;

/// <summary>
/// The Durable Task SDK's worker and client over DurableTask.AzureStorage on a real Azurite (blob, queue,
/// table): the task hub layout <c>func start</c> and a deployed Functions app use. The SDK talks gRPC to
/// a sidecar on loopback — the test host package's <c>TaskHubGrpcServer</c> over the Azure Storage service.
/// </summary>
public sealed class AzureStorageDurableFixture : EngineFixture
{
    private readonly AzuriteStorageFixture _azurite = new();
    private IHost? _sidecar;
    private IHost? _worker;
    private GrpcChannel? _channel;

    public override async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        if (!_azurite.IsRunning)
        {
            SkipReason = _azurite.SkipReason;
            return;
        }

        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(_azurite.ConnectionString),
            TaskHubName = "obs" + Guid.NewGuid().ToString("N")[..12],
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200),
            LoggerFactory = NullLoggerFactory(),
        });
        await service.CreateIfNotExistsAsync();

        var address = $"http://127.0.0.1:{LoopbackPorts.GetUnusedPort()}";
        _sidecar = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHostDefaults(web => web
                .UseUrls(address)
                .ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2))
                .ConfigureServices(services =>
                {
                    services.AddGrpc();
                    services.AddSingleton<IOrchestrationService>(service);
                    services.AddSingleton<IOrchestrationServiceClient>(service);
                    services.AddSingleton<TaskHubGrpcServer>();
                })
                .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>())))
            .Build();
        await _sidecar.StartAsync();

        _channel = GrpcChannel.ForAddress(address);
        _worker = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services =>
            {
                services.AddDurableTaskWorker(builder =>
                {
                    builder.UseGrpc(_channel);
                    builder.AddTasks(tasks => tasks.AddObs(Registry));
                });
                services.AddDurableTaskClient(builder =>
                {
                    builder.UseGrpc(_channel);
                    builder.RegisterDirectly();
                });
            })
            .Build();
        await _worker.StartAsync();
        Client = new DurableClient(_worker.Services.GetRequiredService<DurableTaskClient>(), Registry.Serializer);
    }

    public override async Task DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        if (_worker is not null)
        {
            await _worker.StopAsync(stopping.Token);
            _worker.Dispose();
        }

        if (_channel is not null)
        {
            await _channel.ShutdownAsync();
            _channel.Dispose();
        }

        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(stopping.Token);
            _sidecar.Dispose();
        }

        await _azurite.DisposeAsync();
        await base.DisposeAsync();
    }

    private static ILoggerFactory NullLoggerFactory() => LoggerFactory.Create(_ => { });
}
