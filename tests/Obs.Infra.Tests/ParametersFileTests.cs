using System.Text.Json;
using System.Text.RegularExpressions;

namespace Obs.Infra.Tests;

/// <summary>infra/main.parameters.json fits main.bicep and holds no secret.</summary>
public sealed class ParametersFileTests
{
    private static JsonDocument ReadParametersFile() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Bicep.InfraDirectory, "main.parameters.json")));

    [Fact]
    public void ParametersFile_Header_IsAStandardDeploymentParametersFile()
    {
        using var file = ReadParametersFile();

        Assert.Contains("deploymentParameters.json", file.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Equal("1.0.0.0", file.RootElement.GetProperty("contentVersion").GetString());
        Assert.NotEmpty(file.RootElement.GetProperty("parameters").EnumerateObject());
    }

    [Fact]
    public void ParametersFile_EveryParameter_IsDeclaredInMainBicep()
    {
        var source = File.ReadAllText(Path.Combine(Bicep.InfraDirectory, "main.bicep"));
        var declared = Regex.Matches(source, @"(?m)^param\s+(\w+)\s").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        using var file = ReadParametersFile();

        foreach (var parameter in file.RootElement.GetProperty("parameters").EnumerateObject())
        {
            Assert.True(declared.Contains(parameter.Name), $"{parameter.Name} is not a parameter of main.bicep ({string.Join(", ", declared)})");
            Assert.True(parameter.Value.TryGetProperty("value", out _) || parameter.Value.TryGetProperty("reference", out _), parameter.Name);
        }
    }

    [Fact]
    public async Task ParametersFile_SecureParameters_AreNeverSet()
    {
        var parameters = (await Bicep.CompiledMainAsync()).GetProperty("parameters");
        var secure = parameters.EnumerateObject()
            .Where(p => p.Value.TryGetProperty("type", out var type) && type.GetString() is "securestring" or "secureObject")
            .Select(p => p.Name)
            .ToList();
        Assert.Contains("otlpHeaders", secure);
        using var file = ReadParametersFile();

        foreach (var parameter in file.RootElement.GetProperty("parameters").EnumerateObject())
        {
            Assert.DoesNotContain(parameter.Name, secure);
        }
    }
}
