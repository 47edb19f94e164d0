using Xunit;

namespace Sample.XunitV3.Tests;

public class CalculatorTests
{
    // Set OBS_SAMPLE_FAIL=1 to see how failures look in a trace.
    private static readonly bool Fail = Environment.GetEnvironmentVariable("OBS_SAMPLE_FAIL") == "1";

    [Theory]
    [InlineData(1, 2, 3)]
    [InlineData(-1, 1, 0)]
    public void Add_ReturnsSum(int a, int b, int expected) => Assert.Equal(expected, a + b);

    [Fact]
    public void Divide_ByZero_Throws() => Assert.Throws<DivideByZeroException>(() => Divide(1, 0));

    [Fact(Skip = "demonstrates a skipped test")]
    public void NotReadyYet() => Assert.Fail("skipped");

    [Fact]
    public void SampleFailureFlag() => Assert.False(Fail, "OBS_SAMPLE_FAIL=1 makes this test fail on purpose");

    private static int Divide(int a, int b) => a / b;
}
