namespace Obs.Telemetry.Tests.Sampling;

/// <summary>A clock that only moves when a test says so (Microsoft.Extensions.TimeProvider.Testing is not referenced).</summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    // Not zero, so code that treats a zero timestamp as "never" would be caught.
    private long _ticks = TimeSpan.FromDays(1).Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
