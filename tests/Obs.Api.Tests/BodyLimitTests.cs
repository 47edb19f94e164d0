using System.Net;
using System.Text;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary>A server whose API takes bodies of at most 1 KiB.</summary>
public sealed class SmallBodyApiServer : ApiServerFixture
{
    public const int Limit = 1024;

    protected override void Configure(ObsApiOptions options) => options.MaxRequestBodyBytes = Limit;
}

/// <summary><c>MaxRequestBodyBytes</c>: 413 problem over the limit, whether the length is declared or the body is chunked.</summary>
public sealed class BodyLimitTests(SmallBodyApiServer fixture) : IClassFixture<SmallBodyApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task BuildPost_DeclaredLengthOverLimit_413Problem()
    {
        using var content = new ByteArrayContent(Body(2 * SmallBodyApiServer.Limit));

        using var response = await _server.Client.SendAsync(HttpMethod.Post, "build", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildPost_ChunkedBodyOverLimit_413Problem()
    {
        using var content = new UnknownLengthContent(Body(2 * SmallBodyApiServer.Limit));

        using var response = await _server.Client.SendAsync(HttpMethod.Post, "build", content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task BuildPost_ChunkedBodyExactlyAtLimit_202()
    {
        using var content = new UnknownLengthContent(Body(SmallBodyApiServer.Limit));

        using var response = await _server.Client.SendAsync(HttpMethod.Post, "build", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task BuildPost_DeclaredLengthExactlyAtLimit_202()
    {
        using var content = new ByteArrayContent(Body(SmallBodyApiServer.Limit));

        using var response = await _server.Client.SendAsync(HttpMethod.Post, "build", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task BuildPost_OneByteOverLimitChunked_413()
    {
        using var content = new UnknownLengthContent(Body(SmallBodyApiServer.Limit + 1));

        using var response = await _server.Client.SendAsync(HttpMethod.Post, "build", content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>A valid build body padded with trailing spaces to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] Body(int length)
    {
        var json = """{"steps":[{"name":"a","type":"command","command":"true"}],"analyze_dependencies":false}""";
        return Encoding.UTF8.GetBytes(json.PadRight(length));
    }

    /// <summary>Content whose length is unknown up front: HttpClient sends it chunked, with no Content-Length.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
