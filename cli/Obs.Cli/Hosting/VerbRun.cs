using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Obs.Cli.Output;
using Obs.Orchestrations;

namespace Obs.Cli.Hosting;

/// <summary>How a verb's orchestration ended: its metadata (runtime status, failure) and its result, when it produced one.</summary>
public sealed record VerbRun<TResult>(OrchestrationMetadata Metadata, TResult? Result)
    where TResult : class;

/// <summary>The one way a verb runs its orchestration: schedule (a child of the verb span) → wait (under the live progress) → result.</summary>
public static class VerbRuns
{
    /// <summary>Schedules <paramref name="orchestration"/> with <paramref name="input"/> and waits for it.</summary>
    public static async Task<VerbRun<TResult>> RunAsync<TResult>(this EngineSession session, string orchestration, object input, JsonTypeInfo<TResult> output, LiveProgress? progress = null, string? title = null)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = await session.Engine.Client.ScheduleNewOrchestrationInstanceAsync(
            orchestration, input, new StartOrchestrationOptions { ParentContext = session.Span?.Context ?? default }).ConfigureAwait(false);
        return await session.WaitAsync(id, output, progress, title).ConfigureAwait(false);
    }

    /// <summary>Waits for the instance <paramref name="id"/> (already scheduled, or being resumed) and reads its result.</summary>
    /// <param name="session">The verb's session.</param>
    /// <param name="id">The instance.</param>
    /// <param name="output">How to read its output; null reads none.</param>
    /// <param name="progress">The live status line to wait under, if any.</param>
    /// <param name="title">The status line's title.</param>
    public static async Task<VerbRun<TResult>> WaitAsync<TResult>(this EngineSession session, string id, JsonTypeInfo<TResult>? output, LiveProgress? progress = null, string? title = null)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(session);
        Task<OrchestrationMetadata> Completion() => session.Engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        var metadata = progress is null
            ? await Completion().ConfigureAwait(false)
            : await progress.RunAsync(title ?? id, Completion).ConfigureAwait(false);
        var result = metadata.SerializedOutput is null || output is null ? null : JsonSerializer.Deserialize(metadata.SerializedOutput, output);
        return new VerbRun<TResult>(metadata, result);
    }
}
