using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>The TRX options chosen from what a test application's <c>--help</c> lists.</summary>
public sealed class TestApplicationOptionsTests
{
    private const string Reports = "/tmp/reports";

    /// <summary>Microsoft.Testing.Platform 2.x's help (the MSTest runner, TUnit): options alone on their lines.</summary>
    private const string PlatformHelp = """
        Usage Sample.Tests [option providers] [extension option providers]

        Execute a .NET Test Application.

        Options:
            --help
                Show the command line help.

            --no-progress
                Disable reporting progress to screen.

            --output
                Output verbosity when reporting tests.

            --progress
                Control whether progress is reported.

            --results-directory
                The directory where the test results are going to be placed.

        Extension options:
            --coverage
                Collect the code coverage using dotnet-coverage tool

            --report-trx
                Enable generating TRX report

            --report-trx-filename
                The name of the generated TRX report
        """;

    /// <summary>xunit v3 under the platform: its own TRX report, options and descriptions on one line.</summary>
    private const string XunitPlatformHelp = """
          --results-directory <RESULTS_DIR>     The directory where the test results
          --no-progress                         Disable progress reporting.
          --report-xunit-trx                Enable generating xUnit.net TRX report
          --report-xunit-trx-filename       The name of the generated xUnit.net TRX report
        """;

    /// <summary>What an xunit v3 executable prints when started directly: its own runner's single-dash options.</summary>
    private const string XunitRunnerHelp = """
        xUnit.net v3 In-Process Runner v4.0.3+384aa7f0b4 (64-bit .NET 10.0.12)

        usage: [:seed] [path/to/configFile.json] [options] [filters] [reporter] [resultFormat filename [...]]

          -noColor                           : do not output results with colors
        Result format (optional, choose one or more)
          -result-junit <filename>    : output results to JUnit (XML) file
          -result-trx <filename>      : output results to TRX (XML) file
        """;

    [Fact]
    public void FromHelp_PlatformHelp_ListsEveryOption()
    {
        var options = TestApplicationOptions.FromHelp(PlatformHelp);

        Assert.Equal(
            ["--coverage", "--help", "--no-progress", "--output", "--progress", "--report-trx", "--report-trx-filename", "--results-directory"],
            options.Options.Order(StringComparer.Ordinal));
        Assert.True(options.CanWriteTrx);
    }

    [Fact]
    public void Arguments_PlatformWithTrxExtension_UsesReportTrxAndTurnsProgressOff()
    {
        var arguments = TestApplicationOptions.FromHelp(PlatformHelp).Arguments(Reports, coverage: false, verbose: false);

        Assert.Equal(["--results-directory", Reports, "--report-trx", "--report-trx-filename", "report.trx", "--progress", "off"], arguments);
    }

    [Fact]
    public void Arguments_CoverageAndVerbose_AddTheExtensionsCoberturaAndDetailedOutput()
    {
        var arguments = TestApplicationOptions.FromHelp(PlatformHelp).Arguments(Reports, coverage: true, verbose: true);

        Assert.NotNull(arguments);
        Assert.Equal(
            ["--output", "detailed", "--coverage", "--coverage-output-format", "cobertura", "--coverage-output", "coverage.cobertura.xml"],
            arguments.Skip(7));
    }

    [Fact]
    public void Arguments_XunitOnThePlatform_UsesXunitsTrxAndTheOldProgressFlag()
    {
        var arguments = TestApplicationOptions.FromHelp(XunitPlatformHelp).Arguments(Reports, coverage: true, verbose: false);

        Assert.Equal(["--results-directory", Reports, "--report-xunit-trx", "--report-xunit-trx-filename", "report.trx", "--no-progress"], arguments);
    }

    [Fact]
    public void Arguments_XunitsOwnRunner_GivesTheReportPathWhole()
    {
        var arguments = TestApplicationOptions.FromHelp(XunitRunnerHelp).Arguments(Reports, coverage: false, verbose: false);

        Assert.Equal(["-result-trx", Path.Combine(Reports, "report.trx"), "-noColor"], arguments);
    }

    [Fact]
    public void Arguments_XunitsOwnRunnerWithXmlResults_AlsoWritesXunitsReportForItsExceptionTypes()
    {
        var help = XunitRunnerHelp + "\n  -result-xml <filename>      : output results to xUnit.net v2+ (XML) file\n";

        var arguments = TestApplicationOptions.FromHelp(help).Arguments(Reports, coverage: false, verbose: false);

        Assert.Equal(["-result-trx", Path.Combine(Reports, "report.trx"), "-result-xml", Path.Combine(Reports, "report.xunit.xml"), "-noColor"], arguments);
    }

    [Fact]
    public void Arguments_NoTrxOption_IsNull()
    {
        var options = TestApplicationOptions.FromHelp("Usage: app [options]\n  --help  Show help.\n  --results-directory  Where.");

        Assert.False(options.CanWriteTrx);
        Assert.Null(options.Arguments(Reports, coverage: false, verbose: false));
    }
}
