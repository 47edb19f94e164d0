using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

public sealed class ArtifactUploadValidationTests
{
    [Fact]
    public void Validate_UploadWithoutContainerVariableOrArtifacts_ListsEachProblem()
    {
        var definition = BuildDefinitionLoader.LoadYaml("""
            steps:
              - name: only
                type: command
                command: "true"
            artifacts_upload: {}
            """);

        var problems = BuildDefinitionValidator.Validate(definition);

        Assert.Contains(problems, p => p.Contains("no container", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("connection_string_env", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("artifacts lists no files", StringComparison.Ordinal));
    }
}
