namespace Obs.Cli.Output;

/// <summary>The last lines of every summary: the trace id and, with <c>tracing.trace_url_template</c>, a link to it.</summary>
public static class TraceLink
{
    public const string Placeholder = "{traceId}";

    /// <summary>The template with the trace id filled in.</summary>
    public static string Format(string template, string traceId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Replace(Placeholder, traceId, StringComparison.Ordinal);
    }

    /// <summary>Writes <c>trace &lt;id&gt;</c> and the link, when there is a trace.</summary>
    public static void Write(TextWriter output, string? traceId, string? template)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (traceId is null)
        {
            return;
        }

        output.WriteLine($"trace {traceId}");
        if (template is not null)
        {
            output.WriteLine(Format(template, traceId));
        }
    }
}
