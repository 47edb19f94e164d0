using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Tests.Processes;

public sealed class OutputPumpTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("no newline at end", new[] { "no newline at end" })]
    [InlineData("\n\nx", new[] { "", "", "x" })]
    [InlineData("progress 1\rprogress 2\n", new[] { "progress 1\rprogress 2" })]
    [InlineData("", new string[0])]
    public async Task RunAsync_Text_SplitsIntoLinesWithoutTerminators(string text, string[] expected)
    {
        var lines = await PumpAsync(text, maxLineLength: 100);

        Assert.Equal(expected, lines);
    }

    [Fact]
    public async Task RunAsync_LineLongerThanTheLimit_IsCutAndMarked()
    {
        var lines = await PumpAsync(new string('x', 50_000) + "\r\nnext\n", maxLineLength: 10);

        Assert.Equal(["xxxxxxxxxx…", "next"], lines);
    }

    [Fact]
    public void TailBuffer_MoreLinesThanCapacity_KeepsTheLastInOrder()
    {
        var tail = new TailBuffer(3);
        foreach (var i in Enumerable.Range(1, 7))
        {
            tail.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(["5", "6", "7"], tail.Snapshot());
    }

    private static async Task<List<string>> PumpAsync(string text, int maxLineLength)
    {
        var lines = new List<string>();
        await OutputPump.RunAsync(new StringReader(text), lines.Add, maxLineLength, CancellationToken.None);
        return lines;
    }
}
