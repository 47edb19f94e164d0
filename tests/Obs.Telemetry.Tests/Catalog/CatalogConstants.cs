using System.Reflection;

namespace Obs.Telemetry.Tests.Catalog;

/// <summary>The <c>const string</c> fields of a catalog class, read by reflection so a new constant is checked without a test change.</summary>
internal static class CatalogConstants
{
    public static IReadOnlyList<(string Name, string Value)> Of(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))];

    /// <summary>The class itself when it holds constants, and each nested class that does.</summary>
    public static IEnumerable<Type> ClassesOf(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public)).Where(t => Of(t).Count > 0);

    /// <summary>Values that appear under more than one constant name.</summary>
    public static IEnumerable<string> Duplicates(IEnumerable<(string Name, string Value)> constants) =>
        constants.GroupBy(c => c.Value, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' is {string.Join(" and ", g.Select(c => c.Name))}");
}
