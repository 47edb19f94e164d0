using System.Net.Sockets;
using Obs.Testing;

namespace Obs.Telemetry.Tests.Receivers;

public sealed class LoopbackPortsTests
{
    [Fact]
    public async Task GetUnusedPort_NothingListens_ConnectIsRefused()
    {
        var port = LoopbackPorts.GetUnusedPort();

        using var client = new TcpClient();
        var error = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));

        Assert.InRange(port, 1, 65535);
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }
}
