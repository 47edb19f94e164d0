namespace Obs.Functions.Tests.Triggers;

/// <summary>Small real build definitions, as a client posts them to <c>/build</c>.</summary>
public static class BuildBodies
{
    /// <summary>One quick step.</summary>
    public const string Echo = """{"name":"functions-build","steps":[{"name":"hello","type":"command","command":"echo hi"}],"analyze_dependencies":false}""";

    /// <summary>One step that takes a second, so the instance is seen running.</summary>
    public const string Slow = """{"name":"slow","steps":[{"name":"nap","type":"command","command":"sleep 1"}],"analyze_dependencies":false}""";

    /// <summary>Two steps, one after the other: two step spans under one orchestration span.</summary>
    public const string TwoSteps = """{"name":"traced","steps":[{"name":"compile","type":"command","command":"echo compiled"},{"name":"pack","type":"command","command":"echo packed","depends_on":["compile"]}],"analyze_dependencies":false}""";
}
