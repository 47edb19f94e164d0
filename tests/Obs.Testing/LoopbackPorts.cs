using System.Net;
using System.Net.Sockets;

namespace Obs.Testing;

/// <summary>Loopback ports for tests that need an address where no collector is listening.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A port on 127.0.0.1 that nothing listens on: the OS hands out a free one, and it is released
    /// again at once. Exporters pointed there see "connection refused", like a dead collector.
    /// </summary>
    public static int GetUnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>An <c>http://127.0.0.1:PORT/</c> address nobody listens on.</summary>
    public static Uri GetUnusedEndpoint() => new($"http://127.0.0.1:{GetUnusedPort()}/");
}
