using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Obs.Orchestrations.Tests.Benchmarks;

/// <summary>A Kestrel server on 127.0.0.1 (OS-chosen port): <c>/ok</c> answers 200, <c>/fail</c> 500; counts requests.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackHttpServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.MapGet("/ok", () =>
        {
            Interlocked.Increment(ref server._requests);
            return Results.Text("ok");
        });
        app.MapGet("/fail", () =>
        {
            Interlocked.Increment(ref server._requests);
            return Results.StatusCode(500);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public string UrlOf(string path) => new Uri(BaseAddress, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
