namespace Obs.Api.Tests.Hosting;

/// <summary>
/// A class fixture: one <see cref="ApiServer"/> shared by every test of a class (each class its own, so
/// classes still run in parallel). Subclasses change the options.
/// </summary>
public abstract class ApiServerFixture : IAsyncLifetime
{
    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(Configure);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected virtual void Configure(ObsApiOptions options)
    {
    }
}

/// <summary>The default options: one key, no allowlist, a temp working root, 1 MiB bodies, no default build.</summary>
public sealed class DefaultApiServer : ApiServerFixture;
