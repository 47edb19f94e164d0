namespace Sample.MSTest.Tests;

[TestClass]
public sealed class CalculatorTests
{
    // Set OBS_SAMPLE_FAIL=1 to see how failures look in a trace.
    private static readonly bool Fail = Environment.GetEnvironmentVariable("OBS_SAMPLE_FAIL") == "1";

    [TestMethod]
    [DataRow(1, 2, 3)]
    [DataRow(-1, 1, 0)]
    public void Add_ReturnsSum(int a, int b, int expected) => Assert.AreEqual(expected, a + b);

    [TestMethod]
    public void Divide_ByZero_Throws() => Assert.ThrowsExactly<DivideByZeroException>(() => Divide(1, 0));

    [TestMethod]
    [Ignore("demonstrates a skipped test")]
    public void NotReadyYet() => Assert.Fail("skipped");

    [TestMethod]
    public void SampleFailureFlag() => Assert.IsFalse(Fail, "OBS_SAMPLE_FAIL=1 makes this test fail on purpose");

    private static int Divide(int a, int b) => a / b;
}
