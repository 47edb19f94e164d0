namespace Obs.Telemetry.Tests.Exporters;

/// <summary>
/// Tests whose tracer provider counts every span recorded on the process-wide Obs sources (the ledger's
/// recorded total): run alone, after the parallel classes, so no other class's spans end inside their
/// provider's lifetime and change the totals they assert.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideSpansCollection
{
    public const string Name = "process-wide Obs spans";
}
