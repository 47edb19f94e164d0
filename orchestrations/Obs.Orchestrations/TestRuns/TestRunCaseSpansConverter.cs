using System.Text.Json;
using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary><see cref="CaseSpanMode"/> in JSON as <c>all</c>, <c>failed</c> or <c>none</c>.</summary>
public sealed class TestRunCaseSpansConverter() : JsonStringEnumConverter<CaseSpanMode>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);
