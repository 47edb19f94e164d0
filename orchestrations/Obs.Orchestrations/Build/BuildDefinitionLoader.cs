using System.Text.Json;
using System.Text.Json.Nodes;
using Obs.Telemetry.Configuration;

namespace Obs.Orchestrations.Build;

/// <summary>
/// Reads a <see cref="BuildDefinition"/> from JSON or YAML text (the original format, snake_case keys).
/// <c>Read*</c> is for what users write (files, HTTP bodies): it lists every problem, unknown keys and
/// wrong types included. <c>Load*</c> trusts its input: unknown keys are ignored and it does not validate.
/// </summary>
public static class BuildDefinitionLoader
{
    private static readonly JsonDocumentOptions s_lenientSyntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The definition in <paramref name="json"/> with every problem in it, each at its path: unknown keys
    /// (with the key that was probably meant), wrongly typed values, and what <see cref="BuildDefinitionValidator"/>
    /// finds in the rest, so that one answer lists them all.
    /// </summary>
    public static BuildDefinitionReading Read(JsonElement json, DefinitionSyntax syntax)
    {
        var problems = new List<BuildDefinitionProblem>();
        if (BuildDefinitionShape.FindDuplicateKey(json, BuildDefinitionProblem.Root) is { } duplicate)
        {
            problems.Add(new(duplicate, "the key is given more than once."));
            return new BuildDefinitionReading(null, problems);
        }

        // The element's raw text keeps the comments and trailing commas its document allowed.
        var node = JsonNode.Parse(json.GetRawText(), documentOptions: s_lenientSyntax);
        if (node is not JsonObject root)
        {
            problems.Add(new(BuildDefinitionProblem.Root, node is null ? "The build definition is empty." : BuildDefinitionShape.NotAMapping(node)));
            return new BuildDefinitionReading(null, problems);
        }

        BuildDefinitionShape.Check(root, BuildDefinition.JsonKeys, BuildDefinitionProblem.Root, syntax, problems);
        RemoveNulls(root, BuildDefinition.JsonKeys);
        BuildDefinition definition;
        try
        {
            definition = root.Deserialize(BuildJsonContext.Default.BuildDefinition)!;
        }
        catch (JsonException ex)
        {
            // The shape check names wrong values at their paths; this is the net below it, never a crash.
            if (problems.Count == 0)
            {
                problems.Add(new(ex.Path is { Length: > 1 } at ? at.TrimStart('$', '.') : BuildDefinitionProblem.Root, "the value has the wrong type."));
            }

            return new BuildDefinitionReading(null, problems);
        }

        // A value that is wrong is reported once: not again as missing by the validator.
        var reported = problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(BuildDefinitionValidator.Check(definition).Where(p => !reported.Contains(p.Path)));
        return new BuildDefinitionReading(definition, problems);
    }

    /// <summary>
    /// An empty value (<c>null</c>, YAML's <c>~</c> or nothing) of a key in <paramref name="keys"/> means
    /// "not given": the key is dropped, in nested mappings too. Map entries (<c>env: {X: null}</c>) keep theirs.
    /// </summary>
    private static void RemoveNulls(JsonObject obj, IReadOnlyList<DefinitionKey> keys)
    {
        foreach (var key in keys)
        {
            switch (obj[key.Name])
            {
                case null:
                    obj.Remove(key.Name);
                    break;
                case JsonObject child when key.Kind == DefinitionValueKind.Mapping && key.Keys is { } childKeys:
                    RemoveNulls(child, childKeys);
                    break;
                case JsonArray items when key.Kind == DefinitionValueKind.MappingList && key.Keys is { } itemKeys:
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        RemoveNulls(item, itemKeys);
                    }

                    break;
            }
        }
    }

    /// <summary><see cref="Read(JsonElement, DefinitionSyntax)"/> of JSON text; malformed JSON is the one problem.</summary>
    public static BuildDefinitionReading ReadJson(string json, DefinitionSyntax syntax = DefinitionSyntax.Json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, s_lenientSyntax);
            return Read(document.RootElement, syntax);
        }
        catch (JsonException ex)
        {
            return new BuildDefinitionReading(null, [new(BuildDefinitionProblem.Root, $"Not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}")]);
        }
    }

    /// <summary><see cref="Read(JsonElement, DefinitionSyntax)"/> of YAML text; malformed YAML is the one problem.</summary>
    public static BuildDefinitionReading ReadYaml(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        try
        {
            return ReadJson(YamlJsonConverter.ToJson(yaml), DefinitionSyntax.Yaml);
        }
        catch (Exception ex) when (ex is YamlFormatException or BuildDefinitionFormatException)
        {
            return new BuildDefinitionReading(null, [new(BuildDefinitionProblem.Root, ex.Message)]);
        }
    }

    /// <summary>The definition in <paramref name="json"/>; malformed JSON throws <see cref="BuildDefinitionFormatException"/>.</summary>
    public static BuildDefinition LoadJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, BuildJsonContext.Default.BuildDefinition)
                ?? throw new BuildDefinitionFormatException("The build definition is empty (null).");
        }
        catch (JsonException ex)
        {
            throw new BuildDefinitionFormatException($"The build definition is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The definition in <paramref name="yaml"/>, read with YamlDotNet's parser into JSON (plain
    /// scalars <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c> and numbers keep their YAML types) and then
    /// <see cref="LoadJson"/>. Malformed YAML throws <see cref="BuildDefinitionFormatException"/>.
    /// </summary>
    public static BuildDefinition LoadYaml(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        string json;
        try
        {
            json = YamlJsonConverter.ToJson(yaml);
        }
        catch (YamlFormatException ex)
        {
            throw new BuildDefinitionFormatException(ex.Message, ex);
        }

        return LoadJson(json);
    }

    /// <summary>Loads <paramref name="path"/>: YAML for <c>.yaml</c>/<c>.yml</c>, JSON otherwise.</summary>
    public static BuildDefinition LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? LoadYaml(text)
            : LoadJson(text);
    }
}
