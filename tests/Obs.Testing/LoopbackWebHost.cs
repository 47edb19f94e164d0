using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Obs.Testing;

/// <summary>The Kestrel set-up every receiver shares: slim builder, quiet logs, loopback only.</summary>
internal static class LoopbackWebHost
{
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>The port Kestrel actually bound for an endpoint declared with port 0.</summary>
    public static int BoundPort(ListenOptions? options)
    {
        // Kestrel writes the OS-assigned endpoint back into the ListenOptions once it has bound.
        var port = options?.IPEndPoint?.Port ?? 0;
        return port > 0 ? port : throw new InvalidOperationException("Kestrel did not report a bound loopback port.");
    }

    public static Uri LoopbackUri(int port, string path = "") => new($"http://127.0.0.1:{port}/{path}");
}
