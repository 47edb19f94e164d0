namespace Obs.Telemetry.Spool;

/// <summary>What one replay did: per backend the spans sent and the spans left, and the first error met.</summary>
/// <param name="Sent">Spans the backends accepted (and that were removed from the spool).</param>
/// <param name="Left">Spans still in the spool: their backend refused, was unreachable, or is not configured.</param>
/// <param name="Errors">One message per backend that failed, or per exporter with no backend configured.</param>
public sealed record ReplayResult(long Sent, long Left, IReadOnlyList<string> Errors);

/// <summary>
/// Re-sends the spool: each file to the backend of its exporter, line by line, ids intact; a line leaves
/// the spool only once accepted. A file is claimed by renaming it first, so a concurrent replay skips it;
/// what was not accepted goes back under its name. A backend that fails stops being tried for this run.
/// </summary>
public static class SpoolReplay
{
    private const string ClaimExtension = ".replaying";

    /// <param name="directory">The spool directory.</param>
    /// <param name="senderFor">The sender for an exporter's files (<c>otlp</c>, <c>jaeger</c>, <c>zipkin</c>), or null when none is configured.</param>
    /// <param name="cancellationToken">Stops between lines; the rest stays spooled.</param>
    public static async Task<ReplayResult> RunAsync(string directory, Func<string, ISpoolSender?> senderFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(senderFor);
        long sent = 0;
        long left = 0;
        var errors = new List<string>();
        var senders = new Dictionary<string, ISpoolSender?>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var file in SpanSpool.Files(directory))
            {
                var exporter = SpanSpool.ExporterOf(file);
                if (!senders.TryGetValue(exporter, out var sender))
                {
                    sender = senderFor(exporter);
                    senders[exporter] = sender;
                    if (sender is null)
                    {
                        errors.Add($"{exporter}: no {exporter} endpoint configured; its spans stay spooled (give --endpoint to send them to an OTLP collector)");
                    }
                }

                if (sender is null || failed.Contains(exporter))
                {
                    left += SpanSpool.SpansIn(file);
                    continue;
                }

                var claimed = file + ClaimExtension;
                try
                {
                    File.Move(file, claimed);
                }
                catch (IOException)
                {
                    continue; // Another replay took it.
                }

                var keep = new List<string>();
                foreach (var line in File.ReadLines(claimed))
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    int spans;
                    try
                    {
                        spans = OtlpProtobufEncoder.CountSpans(line);
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        continue; // A torn line from a killed writer: nothing to send.
                    }

                    var error = keep.Count > 0 || cancellationToken.IsCancellationRequested ? "" : await sender.SendAsync(line, cancellationToken).ConfigureAwait(false);
                    if (error is null)
                    {
                        sent += spans;
                    }
                    else
                    {
                        if (keep.Count == 0 && error.Length > 0)
                        {
                            errors.Add($"{sender.Description}: {error}");
                            failed.Add(exporter);
                        }

                        keep.Add(line);
                        left += spans;
                    }
                }

                if (keep.Count > 0)
                {
                    SpanSpool.WriteFile(file, keep, append: true);
                }

                File.Delete(claimed);
            }
        }
        finally
        {
            foreach (var sender in senders.Values)
            {
                sender?.Dispose();
            }
        }

        return new ReplayResult(sent, left, errors);
    }
}
