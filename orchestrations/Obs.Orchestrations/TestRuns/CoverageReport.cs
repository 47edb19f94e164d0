namespace Obs.Orchestrations.TestRuns;

/// <summary>Overall coverage from a Cobertura report, as rates (0..1) and percentages (0..100).</summary>
public sealed record CoverageReport(double LineRate, double? BranchRate, int? LinesCovered, int? LinesValid)
{
    /// <summary>Line coverage 0..100, rounded to two decimals: the value for <c>test.coverage.percentage</c>.</summary>
    public double LinePercentage => Percentage(LineRate);

    /// <summary>Branch coverage 0..100, when the report measured branches.</summary>
    public double? BranchPercentage => BranchRate is { } rate ? Percentage(rate) : null;

    private static double Percentage(double rate) => Math.Round(Math.Clamp(rate, 0, 1) * 100, 2);
}
