namespace Obs.Orchestrations.TestRuns;

/// <summary>A test or coverage report that is not well-formed XML or not the expected format.</summary>
public sealed class TestReportFormatException : Exception
{
    public TestReportFormatException()
        : this("The test report is malformed.")
    {
    }

    public TestReportFormatException(string message)
        : base(message)
    {
        ReportPath = string.Empty;
    }

    public TestReportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        ReportPath = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="source"/>, quoting the file and line in the message.</summary>
    public TestReportFormatException(string source, int? line, string reason, Exception? innerException = null)
        : base(Describe(source, line, reason), innerException)
    {
        ReportPath = source;
        Line = line;
    }

    /// <summary>The report's file path (or the name given to a stream).</summary>
    public string ReportPath { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }

    private static string Describe(string source, int? line, string reason) =>
        line is { } l ? $"{source}:{l}: {reason}" : $"{source}: {reason}";
}
