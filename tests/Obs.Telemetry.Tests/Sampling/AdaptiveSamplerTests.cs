using Obs.Telemetry.Sampling;

namespace Obs.Telemetry.Tests.Sampling;

public sealed class AdaptiveSamplerTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void ShouldSample_Burst_SamplesCapacityThenDrops()
    {
        var sampler = new AdaptiveSampler(100, _clock);

        Assert.Equal(100, sampler.CountSampledRoots(100));
        Assert.False(sampler.IsSampled(SamplingScenarios.Root()));
    }

    [Fact]
    public void ShouldSample_HalfASecondAfterDraining_SamplesHalfTheRate()
    {
        var sampler = new AdaptiveSampler(100, _clock);
        sampler.CountSampledRoots(100);

        _clock.Advance(TimeSpan.FromSeconds(0.5));

        Assert.Equal(50, sampler.CountSampledRoots(200));
    }

    [Fact]
    public void ShouldSample_AfterLongIdle_NeverExceedsCapacity()
    {
        var sampler = new AdaptiveSampler(100, _clock);
        sampler.CountSampledRoots(100);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(100, sampler.CountSampledRoots(1_000));
    }

    [Fact]
    public void ShouldSample_FractionalRate_HoldsOneTokenAndRefillsSlowly()
    {
        var sampler = new AdaptiveSampler(0.5, _clock);

        Assert.True(sampler.IsSampled(SamplingScenarios.Root()));
        Assert.False(sampler.IsSampled(SamplingScenarios.Root()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(sampler.IsSampled(SamplingScenarios.Root()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(sampler.IsSampled(SamplingScenarios.Root()));
    }

    [Fact]
    public void ShouldSample_ManyThreadsOnAFixedClock_SamplesExactlyCapacity()
    {
        var sampler = new AdaptiveSampler(100, _clock);
        const int threads = 16;
        const int attemptsPerThread = 500;
        var sampled = 0;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads)
            .Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                Interlocked.Add(ref sampled, sampler.CountSampledRoots(attemptsPerThread));
            }))
            .ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        Assert.Equal(100, sampled);
    }

    [Fact]
    public void Description_NamesTheRate()
    {
        Assert.Equal("AdaptiveSampler{max_traces_per_second=100}", new AdaptiveSampler(100, _clock).Description);
        Assert.Equal("AdaptiveSampler{max_traces_per_second=2.5}", new AdaptiveSampler(2.5, _clock).Description);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RateNotPositiveAndFinite_Throws(double maxTracesPerSecond)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveSampler(maxTracesPerSecond, _clock));
    }
}
