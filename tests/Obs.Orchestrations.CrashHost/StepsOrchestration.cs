using System.Globalization;

namespace Obs.Orchestrations.CrashHost;

/// <summary>N steps, one after another; each step sleeps, then appends <c>step-{i}</c> to the lines file.</summary>
internal static class StepsOrchestration
{
    public const string Name = "Steps";
    public const string StepActivity = "Step";

    public static async Task<int> RunAsync(TaskOrchestrationContext context, int stepCount)
    {
        for (var i = 0; i < stepCount; i++)
        {
            await context.CallActivityAsync<int>(StepActivity, i);
        }

        return stepCount;
    }

    /// <summary>
    /// Sleeps first and appends last, so the window in which a kill repeats a step (appended, not yet
    /// committed) is as small as the engine makes it.
    /// </summary>
    public static async Task<int> RunStepAsync(TaskActivityContext context, int step, CrashHostArguments arguments)
    {
        await Task.Delay(arguments.StepDelay, context.CancellationToken);
        File.AppendAllText(arguments.LinesPath, string.Create(CultureInfo.InvariantCulture, $"step-{step}\n"));
        return step;
    }
}
