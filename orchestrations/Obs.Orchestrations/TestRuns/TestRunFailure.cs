using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>One failed or errored test case.</summary>
public sealed record TestRunFailure
{
    /// <summary>The target (file, project or path) the case ran in.</summary>
    [JsonPropertyName("target")]
    public string Target { get; init; } = string.Empty;

    /// <summary>The case's name as the report gives it.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The id that selects the case again (the pytest node id), when the framework has one.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("class_name")]
    public string? ClassName { get; init; }

    /// <summary><c>failed</c> or <c>error</c>.</summary>
    [JsonPropertyName("result")]
    public string Result { get; init; } = TestOutcomeNames.Failed;

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The failure message, cut at <see cref="MaxMessageLength"/> characters.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The longest message kept.</summary>
    public const int MaxMessageLength = 2000;
}
