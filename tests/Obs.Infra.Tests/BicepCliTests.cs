using System.Text.Json;
using System.Text.RegularExpressions;

namespace Obs.Infra.Tests;

/// <summary>The infra/ templates compile and lint clean with the real Bicep CLI.</summary>
public sealed class BicepCliTests
{
    // A bicep diagnostic line: "<file>(line,col) : Warning|Error <code>: <message>".
    private static readonly Regex _diagnostic = new(@"\b(Warning|Error)\b", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Build_MainTemplate_ExitsZeroWithoutWarningsOrErrors()
    {
        var outcome = await Bicep.BuildMainAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.False(_diagnostic.IsMatch(outcome.Stderr), $"bicep build reported diagnostics:\n{outcome.Stderr}");
        using var arm = JsonDocument.Parse(outcome.Stdout);
        Assert.Contains("deploymentTemplate.json", arm.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MainTemplateAndModules_ExitsZeroWithoutWarnings()
    {
        var outcome = await Bicep.LintMainAsync();

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.False(_diagnostic.IsMatch(outcome.Stderr), $"bicep lint reported diagnostics:\n{outcome.Stderr}");
        Assert.False(_diagnostic.IsMatch(outcome.Stdout), $"bicep lint reported diagnostics:\n{outcome.Stdout}");
    }

    [Fact]
    public void Modules_InInfraModules_AreAllLocalFiles()
    {
        // Registry modules (br:, ts:) would make build and lint reach the network.
        var sources = Directory.GetFiles(Bicep.InfraDirectory, "*.bicep", SearchOption.AllDirectories);
        Assert.Contains(sources, f => Path.GetFileName(f) == "main.bicep");
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            Assert.DoesNotMatch(@"(?m)^\s*module\s+\w+\s+'(br|ts)[:/]", text);
        }
    }

    [Fact]
    public void BicepConfig_LinterRules_AreNeverWeakenedBelowDefault()
    {
        var path = Path.Combine(Bicep.InfraDirectory, "bicepconfig.json");
        if (!File.Exists(path))
        {
            return; // the built-in defaults apply
        }

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var core = ArmTemplate.At(config.RootElement, "analyzers.core");
        if (core.TryGetProperty("enabled", out var enabled))
        {
            Assert.True(enabled.GetBoolean(), "the core linter is disabled");
        }

        if (core.TryGetProperty("rules", out var rules))
        {
            foreach (var rule in rules.EnumerateObject())
            {
                var level = rule.Value.GetProperty("level").GetString();
                Assert.True(level is "warning" or "error", $"rule {rule.Name} is set to '{level}'");
            }
        }
    }
}
