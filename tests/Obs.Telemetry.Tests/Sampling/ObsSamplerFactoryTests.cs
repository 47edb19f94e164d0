using System.Diagnostics;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Sampling;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Sampling;

public sealed class ObsSamplerFactoryTests
{
    [Theory]
    [InlineData(SamplerType.AlwaysOn, typeof(AlwaysOnSampler), "AlwaysOnSampler")]
    [InlineData(SamplerType.AlwaysOff, typeof(AlwaysOffSampler), "AlwaysOffSampler")]
    [InlineData(SamplerType.TraceIdRatio, typeof(TraceIdRatioBasedSampler), "TraceIdRatioBasedSampler{0.250000}")]
    [InlineData(SamplerType.ParentBasedAlwaysOn, typeof(ParentBasedSampler), "ParentBased{AlwaysOnSampler}")]
    [InlineData(SamplerType.ParentBasedAlwaysOff, typeof(ParentBasedSampler), "ParentBased{AlwaysOffSampler}")]
    [InlineData(SamplerType.ParentBasedTraceIdRatio, typeof(ParentBasedSampler), "ParentBased{TraceIdRatioBasedSampler{0.250000}}")]
    [InlineData(SamplerType.Adaptive, typeof(ParentBasedSampler), "ParentBased{AdaptiveSampler{max_traces_per_second=100}}")]
    public void Create_EachType_BuildsTheMatchingSampler(SamplerType type, Type expectedType, string expectedDescription)
    {
        var sampler = ObsSamplerFactory.Create(Options(type, rate: 0.25));

        Assert.IsType(expectedType, sampler);
        Assert.Equal(expectedDescription, sampler.Description);
    }

    [Theory]
    [InlineData(SamplerType.TraceIdRatio)]
    [InlineData(SamplerType.ParentBasedTraceIdRatio)]
    public void Create_RatioOfAQuarter_SamplesAQuarterOfRandomTraceIds(SamplerType type)
    {
        var sampler = ObsSamplerFactory.Create(Options(type, rate: 0.25));
        var random = new Random(20_000);
        Span<byte> bytes = stackalloc byte[16];
        const int traces = 20_000;
        var sampled = 0;
        for (var i = 0; i < traces; i++)
        {
            random.NextBytes(bytes);
            if (sampler.IsSampled(SamplingScenarios.Root(ActivityTraceId.CreateFromBytes(bytes))))
            {
                sampled++;
            }
        }

        // One standard deviation is sqrt(0.25 * 0.75 / 20000) ≈ 0.003; 0.01 is over three of them.
        Assert.InRange(sampled / (double)traces, 0.24, 0.26);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 5_000)]
    public void Create_RatioAtTheBounds_IsExact(double rate, int expectedSampled)
    {
        var sampler = ObsSamplerFactory.Create(Options(SamplerType.ParentBasedTraceIdRatio, rate));

        Assert.Equal(expectedSampled, sampler.CountSampledRoots(5_000));
    }

    [Fact]
    public void Create_ParentBasedRatioZero_StillSamplesChildrenOfSampledParents()
    {
        var sampler = ObsSamplerFactory.Create(Options(SamplerType.ParentBasedTraceIdRatio, rate: 0));

        Assert.True(sampler.IsSampled(SamplingScenarios.ChildOf(parentSampled: true)));
        Assert.False(sampler.IsSampled(SamplingScenarios.Root()));
    }

    [Fact]
    public void Create_ParentBasedAlwaysOn_DropsChildrenOfUnsampledParents()
    {
        var sampler = ObsSamplerFactory.Create(Options(SamplerType.ParentBasedAlwaysOn));

        Assert.False(sampler.IsSampled(SamplingScenarios.ChildOf(parentSampled: false)));
        Assert.True(sampler.IsSampled(SamplingScenarios.Root()));
    }

    [Fact]
    public void Create_ParentBasedAlwaysOff_FollowsASampledParent()
    {
        var sampler = ObsSamplerFactory.Create(Options(SamplerType.ParentBasedAlwaysOff));

        Assert.True(sampler.IsSampled(SamplingScenarios.ChildOf(parentSampled: true)));
        Assert.False(sampler.IsSampled(SamplingScenarios.Root()));
    }

    [Fact]
    public void Create_Adaptive_LimitsRootsButFollowsParents()
    {
        var clock = new FakeTimeProvider();
        var options = Options(SamplerType.Adaptive);
        options.MaxTracesPerSecond = 10;
        var sampler = ObsSamplerFactory.Create(options, clock);

        Assert.Equal(10, sampler.CountSampledRoots(50));
        Assert.True(sampler.IsSampled(SamplingScenarios.ChildOf(parentSampled: true)));
        Assert.False(sampler.IsSampled(SamplingScenarios.ChildOf(parentSampled: false)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, sampler.CountSampledRoots(50));
    }

    [Fact]
    public void Create_RateOutsideZeroToOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ObsSamplerFactory.Create(Options(SamplerType.TraceIdRatio, rate: 1.5)));
    }

    private static SamplingOptions Options(SamplerType type, double rate = 1.0) => new() { Type = type, Rate = rate };
}
