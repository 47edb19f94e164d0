using System.Text;

namespace Obs.Orchestrations.Processes;

/// <summary>
/// Reads one output stream of a child to its end, line by line, handing each line on as it arrives.
/// Both streams are pumped at once so a child filling one pipe never blocks on the other.
/// </summary>
internal static class OutputPump
{
    private const int BufferSize = 4096;

    /// <summary>Reads <paramref name="reader"/> until end of stream or <paramref name="cancellationToken"/>.</summary>
    public static async Task RunAsync(TextReader reader, Action<string> onLine, int maxLineLength, CancellationToken cancellationToken)
    {
        var buffer = new char[BufferSize];
        var line = new StringBuilder();
        var truncated = false;
        var afterCarriageReturn = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    // "\r\n" ends a line like "\n"; a lone '\r' (a progress bar redrawing) stays in it.
                    if (afterCarriageReturn)
                    {
                        line.Length--;
                    }

                    Emit();
                }
                else if (line.Length < maxLineLength)
                {
                    line.Append(c);
                }
                else
                {
                    truncated = true;
                }

                afterCarriageReturn = c == '\r' && !truncated;
            }
        }

        if (line.Length > 0 || truncated)
        {
            Emit();
        }

        void Emit()
        {
            onLine(truncated ? line.Append('…').ToString() : line.ToString());
            line.Clear();
            truncated = false;
        }
    }
}
