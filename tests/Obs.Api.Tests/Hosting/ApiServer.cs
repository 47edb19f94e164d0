using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Obs.Api.Payloads;
using Obs.Orchestrations;
using Obs.Orchestrations.Local.Engine;

namespace Obs.Api.Tests.Hosting;

/// <summary>
/// The API as <c>obs serve</c> hosts it: Kestrel on an OS-chosen loopback port, failures answered as
/// problems, function keys checked in front of <c>MapObsApi</c>, over a real local engine on a temp
/// SQLite file. Builds run in <see cref="WorkingRoot"/>, a fresh temp directory.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    /// <summary>The one function key every server accepts.</summary>
    public const string Key = "test-key-7f3a9c";

    private readonly WebApplication _app;
    private readonly LocalOrchestrationEngine _engine;
    private readonly string _directory;

    private ApiServer(WebApplication app, LocalOrchestrationEngine engine, string directory, ObsApiOptions options, Uri baseAddress)
    {
        _app = app;
        _engine = engine;
        _directory = directory;
        Options = options;
        BaseAddress = baseAddress;
        Client = new ApiClient(baseAddress);
    }

    public ObsApiOptions Options { get; }

    public string WorkingRoot => Options.WorkingRoot;

    /// <summary>http://127.0.0.1:PORT/ (the port Kestrel bound).</summary>
    public Uri BaseAddress { get; }

    public ApiClient Client { get; }

    public OrchestrationClient Orchestrations => _engine.Client;

    /// <param name="configure">Changes the API options (keys, allowlist, limits, default build) before the host starts.</param>
    /// <param name="readiness">The readiness checks <c>/health</c> reports; none by default.</param>
    public static async Task<ApiServer> StartAsync(
        Action<ObsApiOptions>? configure = null,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, ReadinessCheck>>>? readiness = null)
    {
        ServerTraces.EnsureListening();
        var directory = Directory.CreateTempSubdirectory("obs-api-tests-").FullName;
        var root = Directory.CreateDirectory(Path.Combine(directory, "root")).FullName;
        var options = new ObsApiOptions { ApiKeys = [Key], WorkingRoot = root, ServiceName = "obs-api-tests" };
        configure?.Invoke(options);

        var engine = new LocalOrchestrationEngine(
            ApiOrchestrations.Register(new OrchestrationRegistry()),
            new LocalEngineOptions { DatabasePath = Path.Combine(directory, "state.db"), MaxConcurrentActivities = 4 });
        await engine.StartAsync();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Math.Max(30_000_000, options.MaxRequestBodyBytes + 1);
        });
        var app = builder.Build();
        var handlers = new ObsApiHandlers(engine.Client, options, readiness);
        app.UseObsApi(handlers, options);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ApiServer(app, engine, directory, options, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
