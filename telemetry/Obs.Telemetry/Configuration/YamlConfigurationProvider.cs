using System.Globalization;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// The YAML file layer. Walks the parser events of the <see cref="ConfigFile"/> (parsed once; no reflection, so trim- and AOT-safe) and
/// flattens the first document to configuration keys: <c>tracing: sampling: rate: 1</c> becomes
/// <c>tracing:sampling:rate</c>, sequence items become <c>key:0</c>, <c>key:1</c>. Every key remembers
/// its line as <c>path:line</c>, with the path written as it was given.
/// </summary>
internal sealed class YamlConfigurationProvider : ConfigLayerProvider
{
    /// <summary>The key used for problems with the file as a whole.</summary>
    public const string FileKey = "(file)";

    private readonly ConfigFile _file;

    public YamlConfigurationProvider(ConfigFile file) => _file = file;

    protected override void LoadLayer()
    {
        if (_file.Problem is { } problem)
        {
            Report(problem);
            return;
        }

        var parser = _file.Events();
        parser.Consume<StreamStart>();
        if (parser.TryConsume<DocumentStart>(out _))
        {
            ReadNode(parser, parentKey: null);
        }
    }

    private void ReadNode(IParser parser, string? parentKey)
    {
        if (parentKey is null && !parser.Accept<MappingStart>(out _))
        {
            var start = parser.Current?.Start ?? Mark.Empty;
            Report(new ConfigProblem(FileKey, Origin(start), null, "the file must be a mapping with a 'tracing:' section"));
            parser.SkipThisAndNestedEvents();
        }
        else if (parser.TryConsume<Scalar>(out var scalar))
        {
            Set(parentKey!, ScalarValue(scalar), Origin(scalar.Start));
        }
        else if (parser.TryConsume<MappingStart>(out _))
        {
            ReadMapping(parser, parentKey);
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            ReadSequence(parser, parentKey!);
        }
        else if (parser.Accept<AnchorAlias>(out var alias))
        {
            Report(new ConfigProblem(Dotted(parentKey), Origin(alias.Start), $"*{alias.Value}", "YAML aliases are not supported in Obs configuration"));
            parser.SkipThisAndNestedEvents();
        }
        else
        {
            parser.SkipThisAndNestedEvents();
        }
    }

    private void ReadMapping(IParser parser, string? parentKey)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var keyScalar))
            {
                var start = parser.Current?.Start ?? Mark.Empty;
                Report(new ConfigProblem(Dotted(parentKey), Origin(start), null, "mapping keys must be plain names"));
                parser.SkipThisAndNestedEvents();
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var key = parentKey is null ? keyScalar.Value : ConfigurationPath.Combine(parentKey, keyScalar.Value);
            if (!seen.Add(keyScalar.Value))
            {
                Report(new ConfigProblem(Dotted(key), Origin(keyScalar.Start), null, "the key appears twice in the same mapping"));
                parser.SkipThisAndNestedEvents();
                continue;
            }

            MarkSection(key, Origin(keyScalar.Start));
            ReadNode(parser, key);
        }
    }

    private void ReadSequence(IParser parser, string parentKey)
    {
        var index = 0;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            ReadNode(parser, ConfigurationPath.Combine(parentKey, index.ToString(CultureInfo.InvariantCulture)));
            index++;
        }
    }

    private static string ScalarValue(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL" ? string.Empty : scalar.Value;

    private string Origin(Mark mark) => _file.Origin(mark);

    private static string Dotted(string? key) => key is null ? FileKey : ConfigKeys.ToDotted(key);
}
