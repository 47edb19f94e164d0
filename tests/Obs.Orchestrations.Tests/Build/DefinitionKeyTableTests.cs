using System.Reflection;
using System.Text.Json.Serialization;
using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>The key tables the reader checks definitions against are the records' own JSON names and types.</summary>
public sealed class DefinitionKeyTableTests
{
    public static TheoryData<Type, string> Records() => new()
    {
        { typeof(BuildDefinition), nameof(BuildDefinition.JsonKeys) },
        { typeof(BuildStepDefinition), nameof(BuildStepDefinition.JsonKeys) },
        { typeof(ArtifactUploadDefinition), nameof(ArtifactUploadDefinition.JsonKeys) },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void JsonKeys_AreTheJsonPropertyNamesOfTheRecord_InOrder_WithTheKindOfEachType(Type record, string table)
    {
        var keys = (IReadOnlyList<DefinitionKey>)record.GetProperty(table, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var properties = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .ToList();

        Assert.Equal(properties.Select(p => p.Name), keys.Select(k => k.Name));
        foreach (var (property, name) in properties)
        {
            var key = keys.Single(k => k.Name == name);
            Assert.True(Fits(key, property.PropertyType), $"{record.Name}.{property.Name} ({property.PropertyType}) is not {key.Kind}");
        }
    }

    [Fact]
    public void NestedTables_AreTheTablesOfTheNestedRecords()
    {
        Assert.Same(BuildStepDefinition.JsonKeys, BuildDefinition.JsonKeys.Single(k => k.Name == "steps").Keys);
        Assert.Same(ArtifactUploadDefinition.JsonKeys, BuildDefinition.JsonKeys.Single(k => k.Name == "artifacts_upload").Keys);
    }

    private static bool Fits(DefinitionKey key, Type type) => key.Kind switch
    {
        DefinitionValueKind.String => type == typeof(string),
        DefinitionValueKind.Seconds => type == typeof(double?) || type == typeof(double),
        DefinitionValueKind.Boolean => type == typeof(bool) || type == typeof(bool?),
        DefinitionValueKind.StringList => type == typeof(IReadOnlyList<string>),
        DefinitionValueKind.StringMap => type == typeof(IReadOnlyDictionary<string, string?>),
        DefinitionValueKind.Mapping => type == typeof(ArtifactUploadDefinition),
        DefinitionValueKind.MappingList => type == typeof(IReadOnlyList<BuildStepDefinition>),
        _ => false,
    };
}
