using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Orchestrations.Tests.Startup;

/// <summary>
/// A source of the test's own (listeners are process-wide and tests run in parallel), recorded
/// through a real tracer provider, and a temp folder for the probed programs to write into.
/// </summary>
internal sealed class ProbeTrace : IDisposable
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly TracerProvider _provider;

    public ProbeTrace()
    {
        Source = new ActivitySource("Obs.Orchestrations.Tests.Startup." + Guid.NewGuid().ToString("N"), "1.0.0");
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(Source.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new Collect(_ended))
            .Build()!;
        Directory = System.IO.Directory.CreateTempSubdirectory("obs-startup-").FullName;
    }

    public ActivitySource Source { get; }

    public string Directory { get; }

    public IReadOnlyList<Activity> Ended => [.. _ended];

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>True while <paramref name="pid"/> is a live process (a zombie waiting for its reaper counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }

    /// <summary>Waits up to 5 s for <paramref name="pid"/> to be gone (a reparented grandchild dies asynchronously).</summary>
    public static async Task<bool> IsGoneAsync(int pid)
    {
        for (var i = 0; i < 100 && IsAlive(pid); i++)
        {
            await Task.Delay(50);
        }

        return !IsAlive(pid);
    }

    public void Dispose()
    {
        _provider.Dispose();
        Source.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class Collect(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Enqueue(data);
    }
}
