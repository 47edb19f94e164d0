using System.Text.Json;

namespace Obs.Functions.Tests.BuildOutput;

/// <summary>One function of the app's <c>functions.metadata</c>, as the Functions host reads it.</summary>
public sealed record FunctionEntry(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    /// <summary>The one binding whose type ends in <c>Trigger</c>.</summary>
    public FunctionBinding Trigger => Assert.Single(Bindings, b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

/// <summary>One binding of a function; the HTTP fields are null for the other binding types.</summary>
public sealed record FunctionBinding(string Name, string Type, string? Direction, string? AuthLevel, IReadOnlyList<string>? Methods, string? Route);

/// <summary>Reads the <c>functions.metadata</c> the worker SDK generates at build time.</summary>
public static class FunctionsMetadata
{
    public const string HttpTrigger = "httpTrigger";
    public const string OrchestrationTrigger = "orchestrationTrigger";
    public const string ActivityTrigger = "activityTrigger";
    public const string DurableClient = "durableClient";

    private static readonly Lazy<IReadOnlyList<FunctionEntry>> s_built = new(() => Read(Path.Combine(FunctionsAppDirectory.Path, FunctionsAppDirectory.MetadataFile)));

    /// <summary>The built app's functions.</summary>
    public static IReadOnlyList<FunctionEntry> Built => s_built.Value;

    public static IReadOnlyList<FunctionEntry> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(Entry)];
    }

    /// <summary>The names of the functions triggered by <paramref name="triggerType"/>.</summary>
    public static IReadOnlySet<string> NamesTriggeredBy(this IEnumerable<FunctionEntry> functions, string triggerType) =>
        functions.Where(f => f.Trigger.Type == triggerType).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    private static FunctionEntry Entry(JsonElement function) => new(
        function.GetProperty("name").GetString()!,
        function.GetProperty("scriptFile").GetString()!,
        function.GetProperty("entryPoint").GetString()!,
        [.. function.GetProperty("bindings").EnumerateArray().Select(Binding)]);

    private static FunctionBinding Binding(JsonElement binding) => new(
        binding.GetProperty("name").GetString()!,
        binding.GetProperty("type").GetString()!,
        Text(binding, "direction"),
        Text(binding, "authLevel"),
        binding.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!)] : null,
        Text(binding, "route"));

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
