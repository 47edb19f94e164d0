namespace Obs.Orchestrations.Build;

/// <summary>
/// The secret parts of a storage connection string (the whole string, <c>AccountKey</c>,
/// <c>SharedAccessSignature</c>), masked in anything the upload reports.
/// </summary>
internal sealed class ArtifactUploadSecrets
{
    private const string Mask = "***";
    private static readonly string[] SecretKeys = ["AccountKey", "SharedAccessSignature"];
    private readonly List<string> _values;

    private ArtifactUploadSecrets(List<string> values) => _values = values;

    public static ArtifactUploadSecrets Of(string connectionString)
    {
        var values = new List<string> { connectionString.Trim() };
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && SecretKeys.Contains(part[..equals].Trim(), StringComparer.OrdinalIgnoreCase) && part.Length > equals + 1)
            {
                values.Add(part[(equals + 1)..].Trim());
            }
        }

        // Longest first, so the whole string is masked before its parts.
        values.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new ArtifactUploadSecrets(values);
    }

    public string Redact(string text)
    {
        foreach (var value in _values.Where(v => v.Length >= 8))
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
