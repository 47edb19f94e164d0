namespace Obs.Orchestrations.Local.Storage;

/// <summary>
/// The store keeps times as INTEGER unix milliseconds (UTC). Anything finer is dropped, so code that
/// compares a time it holds with one read back (the replay clock, for one) should <see cref="Truncate(DateTime)"/> first.
/// </summary>
internal static class UnixTime
{
    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>Unspecified kinds are taken as UTC (history timestamps come from UTC clocks).</summary>
    public static long ToMilliseconds(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero).ToUnixTimeMilliseconds(),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero).ToUnixTimeMilliseconds(),
    };

    public static DateTimeOffset ToDateTimeOffset(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTime ToUtcDateTime(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;

    /// <summary>The value the store gives back for <paramref name="value"/>.</summary>
    public static DateTime Truncate(DateTime value) => ToUtcDateTime(ToMilliseconds(value));

    /// <summary>The value the store gives back for <paramref name="value"/>.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) => ToDateTimeOffset(ToMilliseconds(value));
}
