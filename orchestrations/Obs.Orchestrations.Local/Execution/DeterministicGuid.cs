using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>
/// Name-based (version 5, RFC 9562) GUIDs for <c>NewGuid()</c>: SHA-1 over a fixed namespace and
/// "<c>{instanceId}_{counter}</c>", so the n-th GUID of an instance is the same on every replay.
/// </summary>
internal static class DeterministicGuid
{
    private const int StackLimit = 256;

    // DurableTask.Core's namespace for orchestration GUIDs (9e952958-5e33-4daf-827f-2fa12937b875), big-endian.
    private static ReadOnlySpan<byte> Namespace =>
        [0x9e, 0x95, 0x29, 0x58, 0x5e, 0x33, 0x4d, 0xaf, 0x82, 0x7f, 0x2f, 0xa1, 0x29, 0x37, 0xb8, 0x75];

    /// <summary>The <paramref name="counter"/>-th GUID of <paramref name="instanceId"/>.</summary>
    public static Guid Create(string instanceId, int counter)
    {
        var length = Namespace.Length + Encoding.UTF8.GetByteCount(instanceId) + 1 + 11;
        byte[]? rented = null;
        var name = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Namespace.CopyTo(name);
            var written = Namespace.Length;
            written += Encoding.UTF8.GetBytes(instanceId, name[written..]);
            name[written++] = (byte)'_';
            Utf8Formatter.TryFormat(counter, name[written..], out var digits);
            written += digits;

            Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; this is naming, not security.
            SHA1.HashData(name[..written], hash);
#pragma warning restore CA5350
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
