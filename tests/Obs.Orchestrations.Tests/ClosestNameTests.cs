namespace Obs.Orchestrations.Tests;

public sealed class ClosestNameTests
{
    [Theory]
    [InlineData("timout", "timeout")]
    [InlineData("Timeout", "timeout")]
    [InlineData("buidl", "build")]
    [InlineData("--framwork", "--framework")]
    [InlineData("--nme", "--name")]
    [InlineData("--iter", "--iterations")]
    [InlineData("depends-on", "depends_on")]
    public void Find_ATypoOrAPrefix_IsTheNameMeant(string typed, string expected)
    {
        string[] known = ["timeout", "build", "--framework", "--name", "--iterations", "depends_on", "env"];

        Assert.Equal(expected, ClosestName.Find(typed, known));
    }

    [Theory]
    [InlineData("url")]
    [InlineData("colour")]
    [InlineData("--")]
    public void Find_NothingClose_IsNull(string typed)
    {
        Assert.Null(ClosestName.Find(typed, ["env", "name", "steps"]));
    }
}
