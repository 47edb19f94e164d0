using Obs.Orchestrations.Benchmarks;

namespace Obs.Orchestrations.Tests.Benchmarks;

public sealed class LatencyStatisticsTests
{
    private const int Precision = 9;

    [Fact]
    public void From_OneToHundred_MatchesHandComputedValues()
    {
        // Shuffled, to show the input order does not matter.
        var values = Enumerable.Range(1, 100).Select(i => (double)((i * 37 % 100) + 1)).ToArray();
        Assert.Equal(100, values.Distinct().Count());

        var s = LatencyStatistics.From(values)!;

        Assert.Equal(100, s.Count);
        Assert.Equal(1, s.MinMs);
        Assert.Equal(100, s.MaxMs);
        Assert.Equal(50.5, s.MeanMs, Precision);
        // Linear interpolation at rank p(n-1): 0.5*99 = 49.5 → 50.5; 0.95*99 = 94.05 → 95.05; 0.99*99 = 98.01 → 99.01.
        Assert.Equal(50.5, s.P50Ms, Precision);
        Assert.Equal(95.05, s.P95Ms, Precision);
        Assert.Equal(99.01, s.P99Ms, Precision);
        // Population: sqrt((n²-1)/12) = sqrt(833.25).
        Assert.Equal(Math.Sqrt(833.25), s.StdDevMs, Precision);
        Assert.Equal(5050, s.TotalMs, Precision);
        // 100 iterations in 5.05 s.
        Assert.Equal(100 / 5.05, s.ThroughputPerSecond, Precision);
    }

    [Fact]
    public void From_SmallSample_InterpolatesBetweenRanks()
    {
        var s = LatencyStatistics.From([10, 20, 30, 40])!;

        // ranks: p50 1.5 → 25; p95 2.85 → 38.5; p99 2.97 → 39.7.
        Assert.Equal(25, s.P50Ms, Precision);
        Assert.Equal(38.5, s.P95Ms, Precision);
        Assert.Equal(39.7, s.P99Ms, Precision);
        Assert.Equal(25, s.MeanMs, Precision);
        Assert.Equal(Math.Sqrt(125), s.StdDevMs, Precision);
        Assert.Equal(4 / 0.1, s.ThroughputPerSecond, Precision);
    }

    [Fact]
    public void From_SingleValue_EveryStatisticIsThatValue()
    {
        var s = LatencyStatistics.From([7.5])!;

        Assert.Equal(7.5, s.MinMs);
        Assert.Equal(7.5, s.P50Ms);
        Assert.Equal(7.5, s.P99Ms);
        Assert.Equal(7.5, s.MaxMs);
        Assert.Equal(0, s.StdDevMs);
        Assert.Equal(1 / 0.0075, s.ThroughputPerSecond, Precision);
    }

    [Fact]
    public void From_Empty_IsNull() => Assert.Null(LatencyStatistics.From([]));

    [Fact]
    public void From_AllZero_ThroughputIsZeroNotInfinite() => Assert.Equal(0, LatencyStatistics.From([0, 0])!.ThroughputPerSecond);

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void From_InvalidValue_Throws(double value) => Assert.Throws<ArgumentException>(() => LatencyStatistics.From([1, value]));
}
