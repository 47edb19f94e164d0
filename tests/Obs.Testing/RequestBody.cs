using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Obs.Testing;

/// <summary>Reads a whole request body into memory, undoing <c>Content-Encoding: gzip</c>.</summary>
internal static class RequestBody
{
    public static async Task<MemoryStream> ReadAsync(HttpRequest request)
    {
        var buffer = new MemoryStream();
        var gzip = request.Headers.ContentEncoding.Any(e => string.Equals(e, "gzip", StringComparison.OrdinalIgnoreCase));
        if (gzip)
        {
            await using var decompressed = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            await decompressed.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        buffer.Position = 0;
        return buffer;
    }

    public static IReadOnlyDictionary<string, string> Headers(HttpRequest request) =>
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
