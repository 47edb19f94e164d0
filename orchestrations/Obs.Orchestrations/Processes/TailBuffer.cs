namespace Obs.Orchestrations.Processes;

/// <summary>A ring of the last lines of a stream: memory stays bounded whatever the output size.</summary>
internal sealed class TailBuffer(int capacity)
{
    private readonly string[] _lines = new string[capacity];
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public void Add(string line)
    {
        if (_lines.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            _lines[_next] = line;
            _next = (_next + 1) % _lines.Length;
            _count = Math.Min(_count + 1, _lines.Length);
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            var result = new string[_count];
            var first = (_next - _count + _lines.Length) % Math.Max(_lines.Length, 1);
            for (var i = 0; i < _count; i++)
            {
                result[i] = _lines[(first + i) % _lines.Length];
            }

            return result;
        }
    }
}
