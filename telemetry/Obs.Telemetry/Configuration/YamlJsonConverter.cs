using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// YAML to JSON with YamlDotNet's low-level parser (no reflection): mappings become objects,
/// sequences arrays; plain scalars follow the YAML core schema (bool, null, int, float), quoted
/// scalars are strings. Anchors and aliases are not supported. Only the first document is read.
/// </summary>
public static partial class YamlJsonConverter
{
    /// <summary>The first YAML document of <paramref name="yaml"/> as JSON text.</summary>
    /// <exception cref="YamlFormatException">The text is not valid YAML.</exception>
    public static string ToJson(string yaml) => ToJson(new Parser(new StringReader(yaml)));

    /// <summary>The first document <paramref name="parser"/> yields, as JSON text.</summary>
    /// <exception cref="YamlFormatException">The events are not valid YAML, or use what is not supported.</exception>
    internal static string ToJson(IParser parser)
    {
        using var buffer = new MemoryStream();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                parser.Consume<StreamStart>();
                if (parser.Accept<StreamEnd>(out _))
                {
                    writer.WriteNullValue();
                }
                else
                {
                    parser.Consume<DocumentStart>();
                    if (parser.Accept<DocumentEnd>(out _))
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteNode(parser, writer);
                    }
                }
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (YamlException ex)
        {
            throw new YamlFormatException($"Not valid YAML ({ex.Start}): {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner reports some malformed input (e.g. an unclosed flow sequence) this way.
            throw new YamlFormatException($"Not valid YAML: {ex.Message}", ex);
        }
    }

    private static void WriteNode(IParser parser, Utf8JsonWriter writer)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            WriteScalar(scalar, writer);
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            writer.WriteStartArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                WriteNode(parser, writer);
            }

            writer.WriteEndArray();
        }
        else if (parser.TryConsume<MappingStart>(out _))
        {
            writer.WriteStartObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                writer.WritePropertyName(key.Value);
                WriteNode(parser, writer);
            }

            writer.WriteEndObject();
        }
        else
        {
            var current = parser.Current;
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, $"Unsupported YAML node: {current?.GetType().Name}.");
        }
    }

    private static void WriteScalar(Scalar scalar, Utf8JsonWriter writer)
    {
        var value = scalar.Value;
        if (!scalar.IsPlainImplicit || scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(value);
        }
        else if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(value[0] is 't' or 'T');
        }
        else if (JsonNumber().IsMatch(value))
        {
            // Written as is, so 3.10 stays 3.10 when it ends up in a string (an argument, a version).
            writer.WriteRawValue(value);
        }
        else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            writer.WriteNumberValue(real);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
