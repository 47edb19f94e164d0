namespace Obs.Telemetry.Configuration;

/// <summary>Hides secrets (OTLP header values) in configuration problems: the name stays, the value never does.</summary>
internal static class SecretMask
{
    public const string Masked = "***";

    /// <summary><c>x-api-key=abc</c> becomes <c>x-api-key=***</c>; anything without a name becomes <c>***</c>.</summary>
    public static string Mask(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0 ? Masked : $"{pair[..equals].Trim()}={Masked}";
    }
}
