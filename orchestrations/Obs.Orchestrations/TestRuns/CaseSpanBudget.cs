namespace Obs.Orchestrations.TestRuns;

/// <summary>What to do with one case: write its span, count it as dropped, or skip it by mode.</summary>
internal enum CaseSpanDecision
{
    Write,
    Drop,
    Skip,
}

/// <summary>Applies <see cref="TestSpanOptions.CaseSpans"/> and the <see cref="TestSpanOptions.MaxCaseSpans"/> cap across a report.</summary>
internal sealed class CaseSpanBudget(TestSpanOptions options)
{
    private readonly int _max = Math.Max(0, options.MaxCaseSpans);

    public int Emitted { get; private set; }

    public int Dropped { get; private set; }

    public CaseSpanDecision Take(TestCaseReport testCase)
    {
        var wanted = options.CaseSpans switch
        {
            CaseSpanMode.All => true,
            CaseSpanMode.Failed => testCase.Outcome is TestOutcome.Failed or TestOutcome.Error,
            _ => false,
        };
        if (!wanted)
        {
            return CaseSpanDecision.Skip;
        }

        if (Emitted >= _max)
        {
            Dropped++;
            return CaseSpanDecision.Drop;
        }

        Emitted++;
        return CaseSpanDecision.Write;
    }
}
