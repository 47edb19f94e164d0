using System.Text.RegularExpressions;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The command-line options a .NET test application lists in its <c>--help</c>, and the arguments that make it write
/// a TRX report (and Cobertura coverage) into a directory. Each framework brings its own: the
/// <c>Microsoft.Testing.Extensions.TrxReport</c> extension's <c>--report-trx</c> (the MSTest runner and TUnit reference
/// it), xunit v3's <c>--report-xunit-trx</c> under the platform, or xunit v3's own runner's <c>-result-trx</c> (what an
/// xunit v3 executable starts when it is run directly). Pure: reads no files, starts nothing.
/// </summary>
public sealed partial class TestApplicationOptions
{
    /// <summary>The file name of the TRX report inside the report directory.</summary>
    public const string ReportFileName = "report.trx";

    /// <summary>The file name of xunit v3's own XML report, asked for beside the TRX (see <see cref="XunitReportExceptionTypes"/>).</summary>
    public const string XunitReportFileName = "report.xunit.xml";

    /// <summary>The file name coverage is written to, the one <c>coverlet</c> and Microsoft's extension both use.</summary>
    public const string CoverageFileName = "coverage.cobertura.xml";

    private readonly HashSet<string> _options;

    private TestApplicationOptions(HashSet<string> options) => _options = options;

    /// <summary>The options listed, each with its dashes (<c>--report-trx</c>, <c>-result-trx</c>).</summary>
    public IReadOnlyCollection<string> Options => _options;

    /// <summary>Whether the application can write a TRX report by any of the options Obs knows.</summary>
    public bool CanWriteTrx => Has("--report-trx") || Has("--report-xunit-trx") || Has("-result-trx");

    /// <summary>Reads the options of a <c>--help</c> text: every line that starts (after spaces) with a dash and a letter.</summary>
    public static TestApplicationOptions FromHelp(string helpText)
    {
        ArgumentNullException.ThrowIfNull(helpText);
        var options = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in helpText.Split('\n'))
        {
            if (HelpOption().Match(line) is { Success: true } match)
            {
                options.Add(match.Groups["option"].Value);
            }
        }

        return new TestApplicationOptions(options);
    }

    /// <summary>Whether <paramref name="option"/> (with its dashes) is listed.</summary>
    public bool Has(string option) => _options.Contains(option);

    /// <summary>
    /// The arguments that run every test and write <see cref="ReportFileName"/> (and, when <paramref name="coverage"/> is
    /// asked for and an extension offers it, <see cref="CoverageFileName"/>) into <paramref name="reportDirectory"/>;
    /// null when the application has no TRX option.
    /// </summary>
    public IReadOnlyList<string>? Arguments(string reportDirectory, bool coverage, bool verbose)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportDirectory);
        if (!Has("--report-trx") && !Has("--report-xunit-trx"))
        {
            // xunit v3's own runner: single-dash options, paths given whole.
            // Its own XML report beside the TRX: only it names the type of xunit's assertion exceptions.
            return !Has("-result-trx") ? null
                : Has("-result-xml")
                    ? ["-result-trx", Path.Combine(reportDirectory, ReportFileName), "-result-xml", Path.Combine(reportDirectory, XunitReportFileName), "-noColor"]
                    : ["-result-trx", Path.Combine(reportDirectory, ReportFileName), "-noColor"];
        }

        List<string> arguments = ["--results-directory", reportDirectory];
        arguments.AddRange(Has("--report-trx")
            ? ["--report-trx", "--report-trx-filename", ReportFileName]
            : ["--report-xunit-trx", "--report-xunit-trx-filename", ReportFileName]);

        // Progress redraws one line over and over: useless in a captured log. The flag was renamed in platform 2.x.
        if (Has("--progress"))
        {
            arguments.AddRange(["--progress", "off"]);
        }
        else if (Has("--no-progress"))
        {
            arguments.Add("--no-progress");
        }

        if (verbose && Has("--output"))
        {
            arguments.AddRange(["--output", "detailed"]);
        }

        if (coverage)
        {
            if (Has("--coverlet"))
            {
                arguments.AddRange(["--coverlet", "--coverlet-output-format", "cobertura"]);
            }
            else if (Has("--coverage"))
            {
                arguments.AddRange(["--coverage", "--coverage-output-format", "cobertura", "--coverage-output", CoverageFileName]);
            }
        }

        return arguments;
    }

    [GeneratedRegex(@"^\s*(?<option>--?[A-Za-z][\w-]*)")]
    private static partial Regex HelpOption();
}
