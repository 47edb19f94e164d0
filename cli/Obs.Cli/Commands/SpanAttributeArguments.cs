namespace Obs.Cli.Commands;

/// <summary>Parses repeated <c>--attr key=value</c> arguments.</summary>
public static class SpanAttributeArguments
{
    /// <summary>Splits each at the first <c>=</c>; a missing <c>=</c> or an empty key is a usage error.</summary>
    public static bool TryParse(IReadOnlyList<string> values, out List<KeyValuePair<string, object?>> attributes, out string error)
    {
        ArgumentNullException.ThrowIfNull(values);
        attributes = [];
        error = string.Empty;
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"--attr '{value}' must be key=value";
                return false;
            }

            attributes.Add(new(value[..equals].Trim(), value[(equals + 1)..]));
        }

        return true;
    }
}
