using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>
/// The keyset position of a query page: the (created_at, instance_id) of its last instance, opaque to clients
/// (base64url), so the next page starts after it even while instances are added.
/// </summary>
internal readonly record struct QueryContinuationToken(long CreatedAtMilliseconds, string InstanceId)
{
    private const char Separator = ':';

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{CreatedAtMilliseconds}{Separator}{InstanceId}")));

    /// <exception cref="ArgumentException">The token was not issued by <see cref="Encode"/>.</exception>
    public static QueryContinuationToken Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var separator = text.IndexOf(Separator, StringComparison.Ordinal);
            if (separator > 0
                && long.TryParse(text.AsSpan(0, separator), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var createdAt))
            {
                return new QueryContinuationToken(createdAt, text[(separator + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException($"'{token}' is not a continuation token of this store: pass the one the previous page returned.", nameof(token));
    }
}
