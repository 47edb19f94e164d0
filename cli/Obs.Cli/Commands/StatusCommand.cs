using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Obs.Cli.Hosting;
using Obs.Orchestrations;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Cli.Commands;

/// <summary>
/// <c>obs status [id] [--format json]</c>: the instances in the state database, or one of them.
/// Reads the database only: it never starts an engine, so it never runs or resumes anything.
/// </summary>
public sealed class StatusCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "status";

    private const int ListLimit = 50;

    private readonly CliConsole _console;
    private readonly Argument<string?> _id = new("id") { Description = "An instance id; without it, the most recent instances.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<OutputFormat> _format = ValueOptions.OneOf("--format", "text or json.", OutputFormat.Text);

    public StatusCommand(CliConsole console)
        : base(VerbName, "Show orchestration instances (builds, test runs) from the state database.")
    {
        _console = console;
        Arguments.Add(_id);
        Options.Add(_format);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var path = CliEngine.DatabasePath(_console.Environment);
        if (!File.Exists(path))
        {
            throw new UsageException($"no state database at {Path.GetFullPath(path)}: run obs build first (or set ${CliEngine.StateDatabaseVariable})");
        }

        SqliteInstanceStore store;
        try
        {
            store = SqliteInstanceStore.Open(Path.GetFullPath(path));
        }
        catch (OrchestrationStoreException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        using (store)
        {
            return parse.GetValue(_id) is { } id ? ShowOne(store, id, parse.GetValue(_format)) : List(store, parse.GetValue(_format));
        }
    }

    private int ShowOne(SqliteInstanceStore store, string id, OutputFormat format)
    {
        if (store.GetInstance(id)?.ToMetadata(withInputsAndOutputs: true) is not { } instance)
        {
            throw new UsageException($"no instance '{id}' in the state database");
        }

        _console.Output.WriteLine(format == OutputFormat.Json
            ? JsonSerializer.Serialize(StatusView.From(instance, true), CliJsonContext.Default.StatusView)
            : Describe(instance));
        return ExitCodes.Success;
    }

    private int List(SqliteInstanceStore store, OutputFormat format)
    {
        // Outputs are read for the outcome: a Completed build may have failed.
        var recent = store.Query(new OrchestrationQuery { PageSize = ListLimit, FetchInputsAndOutputs = true }).Instances.OrderByDescending(i => i.CreatedAt).ToList();
        if (format == OutputFormat.Json)
        {
            _console.Output.WriteLine(JsonSerializer.Serialize([.. recent.Select(i => StatusView.From(i, false))], CliJsonContext.Default.StatusViewArray));
            return ExitCodes.Success;
        }

        foreach (var instance in recent)
        {
            _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{instance.InstanceId}  {instance.Name,-10} {instance.RuntimeStatus,-10} {OrchestrationOutcome.Of(instance)?.Word ?? "-",-10} {instance.CreatedAt.LocalDateTime:yyyy-MM-dd HH:mm:ss}"));
        }

        if (recent.Count == 0)
        {
            _console.Say("no instances yet: run obs build");
        }

        return ExitCodes.Success;
    }

    private static string Outcome(OrchestrationMetadata instance) => OrchestrationOutcome.Of(instance) switch
    {
        null => "not finished",
        { Succeeded: true } => "succeeded",
        var failed => $"{failed.Word} ({failed.ErrorType}){(failed.Description is { } why ? ": " + why : string.Empty)}",
    };

    private static string Describe(OrchestrationMetadata instance) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            id:       {instance.InstanceId}
            name:     {instance.Name}
            status:   {instance.RuntimeStatus}
            outcome:  {Outcome(instance)}
            created:  {instance.CreatedAt:O}
            updated:  {instance.LastUpdatedAt:O}
            """) + (instance.FailureDetails is { } failure ? $"\nfailure:  {failure.ErrorType}: {failure.ErrorMessage}" : string.Empty)
            + (instance.SerializedOutput is { } output ? $"\noutput:   {output}" : string.Empty);
}
