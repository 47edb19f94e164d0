using Xunit;

namespace Sample.XunitV3.Tests;

public class TextTests
{
    [Fact]
    public void Upper_ChangesCase() => Assert.Equal("OBS", "obs".ToUpperInvariant());

    [Fact]
    public void Split_KeepsEmptyParts() => Assert.Equal(3, "a,,b".Split(',').Length);
}
