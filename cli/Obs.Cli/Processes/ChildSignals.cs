namespace Obs.Cli.Processes;

/// <summary>Forwards SIGTERM to the child, or to the child about to start when it came first.</summary>
internal sealed class ChildSignals
{
    private readonly Lock _lock = new();
    private int _pid;
    private bool _terminateRequested;

    public void Started(int pid)
    {
        lock (_lock)
        {
            _pid = pid;
            if (_terminateRequested)
            {
                _ = Native.Kill(pid, Native.SigTerm);
            }
        }
    }

    public void Terminate()
    {
        lock (_lock)
        {
            _terminateRequested = true;
            if (_pid > 0)
            {
                _ = Native.Kill(_pid, Native.SigTerm);
            }
        }
    }
}
