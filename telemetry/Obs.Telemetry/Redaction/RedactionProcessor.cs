using System.Diagnostics;
using OpenTelemetry;

namespace Obs.Telemetry.Redaction;

/// <summary>
/// Scrubs every finished span before export: attribute values, event attributes (including
/// <c>exception.message</c> and <c>exception.stacktrace</c> from <see cref="Activity.AddException"/>), link attributes,
/// the status description and the span name.
/// </summary>
/// <remarks>
/// Never throws. A value whose redaction fails is replaced by <see cref="SecretRedactor.Mask"/>; a span that cannot be
/// scrubbed at all is withheld from export (its Recorded flag is cleared) rather than exported with a secret in it,
/// so register it before the export processors.
/// </remarks>
public sealed class RedactionProcessor : BaseProcessor<Activity>
{
    private readonly SecretRedactor _redactor;

    /// <summary>Creates the processor.</summary>
    public RedactionProcessor(SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        _redactor = redactor;
    }

    /// <inheritdoc/>
    public override void OnEnd(Activity data)
    {
        if (data is null)
        {
            return;
        }

        try
        {
            RedactTags(data);
            foreach (ref readonly var activityEvent in data.EnumerateEvents())
            {
                RedactInPlace(activityEvent.EnumerateTagObjects());
            }

            foreach (ref readonly var link in data.EnumerateLinks())
            {
                RedactInPlace(link.EnumerateTagObjects());
            }

            RedactStatusAndName(data);
        }
        catch (Exception)
        {
            Withhold(data);
        }
    }

    private void RedactTags(Activity activity)
    {
        List<KeyValuePair<string, object?>>? changed = null;
        foreach (ref readonly var tag in activity.EnumerateTagObjects())
        {
            var redacted = RedactValue(tag.Key, tag.Value);
            if (!ReferenceEquals(redacted, tag.Value))
            {
                (changed ??= []).Add(new(tag.Key, redacted));
            }
        }

        // Set after enumerating: the tag list must not change under its enumerator.
        foreach (var (key, value) in changed ?? [])
        {
            activity.SetTag(key, value);
        }
    }

    // ActivityEvent and ActivityLink are immutable structs whose Tags is a read-only view of an internal linked list,
    // copied from the ActivityTagsCollection given to their constructor (so casting Tags back to it fails). Their
    // public EnumerateTagObjects() enumerator, though, returns each node by writable ref, and every copy of the struct
    // shares the list, so a value written through it is what exporters read. RedactionProcessorTests pins this.
    private void RedactInPlace(Activity.Enumerator<KeyValuePair<string, object?>> tags)
    {
        List<(int Index, object? Value)>? written = null;
        var index = 0;
        foreach (ref var tag in tags)
        {
            var redacted = RedactValue(tag.Key, tag.Value);
            if (!ReferenceEquals(redacted, tag.Value))
            {
                tag = new(tag.Key, redacted);
                (written ??= []).Add((index, redacted));
            }

            index++;
        }

        if (written is not null)
        {
            EnsureWritten(tags, written);
        }
    }

    // Should a runtime ever hand out a copy instead, the span is withheld rather than exported with the secret.
    private static void EnsureWritten(Activity.Enumerator<KeyValuePair<string, object?>> tags, List<(int Index, object? Value)> written)
    {
        var index = 0;
        var next = 0;
        foreach (ref readonly var tag in tags)
        {
            if (next < written.Count && written[next].Index == index)
            {
                if (!ReferenceEquals(tag.Value, written[next].Value))
                {
                    throw new InvalidOperationException("Event or link tags did not keep the redacted value.");
                }

                next++;
            }

            index++;
        }

        if (next != written.Count)
        {
            throw new InvalidOperationException("Event or link tags changed while being redacted.");
        }
    }

    private void RedactStatusAndName(Activity activity)
    {
        if (activity.StatusDescription is { } description)
        {
            var redacted = RedactValue(string.Empty, description);
            if (!ReferenceEquals(redacted, description))
            {
                activity.SetStatus(activity.Status, redacted as string);
            }
        }

        var name = activity.DisplayName;
        var redactedName = RedactValue(string.Empty, name);
        if (!ReferenceEquals(redactedName, name))
        {
            activity.DisplayName = redactedName as string ?? SecretRedactor.Mask;
        }
    }

    private object? RedactValue(string key, object? value)
    {
        try
        {
            return _redactor.RedactAttribute(key, value);
        }
        catch (Exception)
        {
            // Unexpected input we cannot scan: hide it rather than export it.
            return SecretRedactor.Mask;
        }
    }

    // Exporters skip spans without the Recorded flag; better a missing span than a leaked secret.
    internal static void Withhold(Activity activity)
    {
        try
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
        catch (Exception)
        {
            // Nothing more can be done; OnEnd must not throw into the SDK.
        }
    }
}
