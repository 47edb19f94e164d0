using Obs.Orchestrations;
using Obs.Orchestrations.CrashHost;
using Obs.Orchestrations.Local.Engine;

// Runs one instance of "Steps" to completion, resuming it when the database already has it.
// Exit codes: 0 completed, 1 finished otherwise (failed, terminated), 2 bad arguments.
if (CrashHostArguments.Parse(args) is not { } arguments)
{
    await Console.Error.WriteLineAsync(CrashHostArguments.Usage);
    return 2;
}

var registry = new OrchestrationRegistry()
    .AddActivity<int, int>(StepsOrchestration.StepActivity, (context, step) => StepsOrchestration.RunStepAsync(context, step, arguments))
    .AddOrchestrator<int, int>(StepsOrchestration.Name, StepsOrchestration.RunAsync);

var options = new LocalEngineOptions
{
    DatabasePath = arguments.DatabasePath,
    OwnerId = arguments.OwnerId,
    MaxConcurrentActivities = 2,
};
if (arguments.LeaseDuration is { } lease)
{
    options.LeaseDuration = lease;
    options.HeartbeatInterval = lease / 8;
}

await using var engine = new LocalOrchestrationEngine(registry, options);
await engine.StartAsync();
try
{
    await engine.Client.ScheduleNewOrchestrationInstanceAsync(StepsOrchestration.Name, arguments.StepCount, new StartOrchestrationOptions(arguments.InstanceId));
    await Console.Error.WriteLineAsync($"scheduled {arguments.InstanceId}");
}
catch (InvalidOperationException)
{
    // A restart: the instance exists, and the engine resumes it (at once when we owned it, after its lease otherwise).
    await Console.Error.WriteLineAsync($"resuming {arguments.InstanceId}");
}

var result = await engine.Client.WaitForInstanceCompletionAsync(arguments.InstanceId);
Console.WriteLine($"status: {result.RuntimeStatus}");
return result.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 0 : 1;
