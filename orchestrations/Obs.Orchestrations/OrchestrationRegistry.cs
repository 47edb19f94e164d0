using System.Text.Json.Serialization.Metadata;

namespace Obs.Orchestrations;

/// <summary>
/// Orchestrators and activities by name, and the JSON contracts of their inputs and outputs.
/// Each engine (local, Durable adapter) runs what is registered here.
/// </summary>
public sealed class OrchestrationRegistry
{
    private readonly Dictionary<string, OrchestratorRegistration> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<ITaskActivity>> _activities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _untraced = new(StringComparer.Ordinal);
    private readonly List<IJsonTypeInfoResolver> _resolvers = [];
    private OrchestrationSerializer? _serializer;

    /// <summary>Registers an orchestrator; its span is named <paramref name="spanName"/> (default: the name).</summary>
    public OrchestrationRegistry AddOrchestrator(string name, Func<ITaskOrchestrator> factory, string? spanName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_orchestrators.TryAdd(name, new OrchestratorRegistration(name, spanName ?? name, factory)))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers an activity.</summary>
    public OrchestrationRegistry AddActivity(string name, Func<ITaskActivity> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_activities.TryAdd(name, factory))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>
    /// Registers an activity that gets no span of its own: bookkeeping (recording metrics, for
    /// instance) that is not part of the traced work.
    /// </summary>
    public OrchestrationRegistry AddUntracedActivity(string name, Func<ITaskActivity> factory)
    {
        AddActivity(name, factory);
        _untraced.Add(name);
        return this;
    }

    /// <summary>Whether the engines start a span for the activity <paramref name="activityName"/>.</summary>
    public bool IsTraced(string activityName) => !_untraced.Contains(activityName);

    /// <summary>Registers an activity from a delegate.</summary>
    public OrchestrationRegistry AddActivity<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> run) =>
        AddActivity(name, () => new FuncTaskActivity<TInput, TOutput>(run));

    /// <summary>Registers an orchestrator from a delegate.</summary>
    public OrchestrationRegistry AddOrchestrator<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run, string? spanName = null) =>
        AddOrchestrator(name, () => new FuncTaskOrchestrator<TInput, TOutput>(run), spanName);

    /// <summary>Adds source-generated JSON contracts (a <c>JsonSerializerContext</c>) for inputs and outputs.</summary>
    public OrchestrationRegistry AddJsonTypeInfoResolver(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        if (_serializer is not null)
        {
            throw new InvalidOperationException("JSON contracts must be added before the registry is used.");
        }

        _resolvers.Add(resolver);
        return this;
    }

    /// <summary>The serializer over every registered contract.</summary>
    public OrchestrationSerializer Serializer => _serializer ??= new OrchestrationSerializer(_resolvers);

    /// <summary>Every registered orchestrator's name, for hosts that declare one function per orchestrator.</summary>
    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    /// <summary>Every registered activity's name.</summary>
    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    public bool TryGetOrchestrator(string name, out OrchestratorRegistration registration) =>
        _orchestrators.TryGetValue(name, out registration!);

    public bool TryGetActivity(string name, out Func<ITaskActivity> factory) =>
        _activities.TryGetValue(name, out factory!);
}

/// <summary>A registered orchestrator.</summary>
/// <param name="Name">The name instances are started with.</param>
/// <param name="SpanName">The orchestration span's name, e.g. <c>build.execute</c>.</param>
/// <param name="Factory">Creates a fresh orchestrator for each replay.</param>
public sealed record OrchestratorRegistration(string Name, string SpanName, Func<ITaskOrchestrator> Factory);
