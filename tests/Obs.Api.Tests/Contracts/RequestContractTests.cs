using System.Text.Json.Serialization.Metadata;
using Obs.Api.Endpoints;
using Obs.Api.Validation;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;

namespace Obs.Api.Tests.Contracts;

/// <summary>
/// One contract per request: the record's JSON names (from its source-generated context), the route's
/// body shape and the docs/http-api.md table name the same fields, so a field added to one and not the
/// others fails here.
/// </summary>
public sealed class RequestContractTests
{
    [Fact]
    public void Test_RecordShapeAndDocNameTheSameFields()
    {
        var doc = HttpApiDocTable.ForRoute("test");
        var record = Names(TestRunsJsonContext.Default.TestRunRequest);

        Assert.Equal(record, Sorted(doc.Fields));
        Assert.Equal(record, Names(new TestRoute().Shape));
    }

    [Fact]
    public void Benchmark_RecordShapeAndDocNameTheSameFields()
    {
        var doc = HttpApiDocTable.ForRoute("benchmark");
        var shape = new BenchmarkRoute().Shape;
        var record = Names(BenchmarkJsonContext.Default.BenchmarkRequest);
        var target = Names(BenchmarkJsonContext.Default.BenchmarkTarget);

        Assert.Equal(record, Sorted(doc.Fields));
        Assert.Equal(record, Names(shape));
        Assert.Equal(target, Sorted(doc.Nested["target"]));
        Assert.Equal(target, Names(Nested(shape, "target")));
    }

    [Fact]
    public void Startup_RecordShapeAndDocNameTheSameFields_ButKeepRunning()
    {
        var doc = HttpApiDocTable.ForRoute("startup");
        var shape = new StartupRoute().Shape;

        // keep_running is the CLI's (--keep-running): over HTTP the program is always stopped.
        var record = Names(StartupJsonContext.Default.StartupProbeRequest).Where(name => name != "keep_running").ToList();
        var ready = Names(StartupJsonContext.Default.StartupReadiness);

        Assert.Equal(record, Sorted(doc.Fields));
        Assert.Equal(record, Names(shape));
        Assert.Equal(ready, Sorted(doc.Nested["ready"]));
        Assert.Equal(ready, Names(Nested(shape, "ready")));
    }

    [Fact]
    public void Build_DefinitionAndDocNameTheSameFields()
    {
        var doc = HttpApiDocTable.ForRoute("build");

        Assert.Equal(Names(BuildJsonContext.Default.BuildDefinition), Sorted(doc.Fields));
        Assert.Equal(Names(BuildJsonContext.Default.BuildStepDefinition), Sorted(doc.Nested["steps"]));
    }

    /// <summary>The JSON names the serializer reads ([JsonIgnore]d properties are listed without a getter or setter).</summary>
    private static List<string> Names(JsonTypeInfo typeInfo) => Sorted(typeInfo.Properties.Where(p => p.Get is not null || p.Set is not null).Select(p => p.Name));

    [Fact]
    public void DocTable_ReadsTopLevelAndNestedNames_SkippingValuesAndFileNames()
    {
        var table = HttpApiDocTable.Parse(" as in `build.yaml`: `a` (x\\|y), `b` {`c` 1\\|2, `d`}, `e` (`f`) |");

        Assert.Equal(["a", "b", "e"], table.Fields);
        Assert.Equal(["c", "d"], table.Nested["b"]);
        Assert.Equal(["f"], table.Nested["e"]);
    }

    private static List<string> Names(BodyShape shape) => Sorted(shape.Fields.Select(f => f.Name));

    private static BodyShape Nested(BodyShape shape, string name) => shape.Fields.Single(f => f.Name == name).Shape!;

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];
}
