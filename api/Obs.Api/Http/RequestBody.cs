using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Obs.Api.Http;

/// <summary>Reads a request body up to a limit, whether or not the client declared its length.</summary>
public static class RequestBody
{
    /// <summary>
    /// The body, or null when it is longer than <paramref name="limit"/> bytes (the caller answers 413).
    /// A declared <c>Content-Length</c> over the limit is refused before a byte is read.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, limit) + 1);
        var stream = request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
