using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

public sealed class ArtifactCollectionTests
{
    // sha256 of "hello\n"
    private const string HelloSha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    [Theory]
    [InlineData("*.txt", "a.txt", true)]
    [InlineData("*.txt", "sub/a.txt", false)]
    [InlineData("**/*.txt", "a.txt", true)]
    [InlineData("**/*.txt", "x/y/a.txt", true)]
    [InlineData("dist/**", "dist/x/y.whl", true)]
    [InlineData("dist/**", "distro/y.whl", false)]
    [InlineData("./out/?.bin", "out/1.bin", true)]
    [InlineData("out/?.bin", "out/12.bin", false)]
    [InlineData("a+b(1).txt", "a+b(1).txt", true)]
    public void GlobPattern_IsMatch(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new GlobPattern(pattern).IsMatch(path));
    }

    [Fact]
    public async Task CollectAsync_Globs_ReturnSizesAndSha256InPathOrder()
    {
        using var dir = new TempDirectory();
        dir.Write("dist/app.whl", "hello\n");
        dir.Write("dist/nested/lib.whl", "");
        dir.Write("build.log", "hello\n");
        dir.Write("src/main.py", "print()");
        dir.Write(".git/x.log", "no");

        var artifacts = await CollectArtifactsActivity.CollectAsync(dir.Path, ["dist/**/*.whl", "*.log"]);

        Assert.Equal(["build.log", "dist/app.whl", "dist/nested/lib.whl"], artifacts.Select(a => a.Path));
        Assert.Equal([6L, 6L, 0L], artifacts.Select(a => a.Bytes));
        Assert.Equal(HelloSha256, artifacts[0].Sha256);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", artifacts[2].Sha256);
    }
}
