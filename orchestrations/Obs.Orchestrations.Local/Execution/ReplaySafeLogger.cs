using Microsoft.Extensions.Logging;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>Writes through to a logger except while the orchestrator replays, so each message appears once.</summary>
internal sealed class ReplaySafeLogger : ILogger
{
    private readonly TaskOrchestrationContext _context;
    private readonly ILogger _inner;

    public ReplaySafeLogger(TaskOrchestrationContext context, ILogger inner)
    {
        _context = context;
        _inner = inner;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !_context.IsReplaying && _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_context.IsReplaying)
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
