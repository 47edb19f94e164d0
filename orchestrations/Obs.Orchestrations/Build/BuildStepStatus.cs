using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>How a step ended; in JSON <c>succeeded</c>, <c>failed</c>, <c>skipped</c>, <c>timed_out</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BuildStepStatus>))]
public enum BuildStepStatus
{
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Never run: a step it depends on failed (without <c>continue_on_error</c>) or was skipped.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    [JsonStringEnumMemberName("timed_out")]
    TimedOut,
}
