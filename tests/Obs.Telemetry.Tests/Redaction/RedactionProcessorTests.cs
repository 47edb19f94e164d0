using System.Diagnostics;
using System.Runtime.InteropServices;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Redaction;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Redaction;

public sealed class RedactionProcessorTests
{
    private const string EnvironmentSecret = "env-only-secret-value";

    private static readonly string[] Secrets =
    [
        "argv-secret-1", "flag-secret-2", "cmdline-secret-3", "url-password-4", "db-password-5", "bearer-secret-6",
        "query-token-7", "connstr-secret-8", "basic-secret-9", "json-apikey-10", "exception-token-11", "link-secret-12",
        "name-password-13", "status-token-14", EnvironmentSecret,
    ];

    [Fact]
    public void OnEnd_SecretsEverywhere_NoneIsExportedAndContextSurvives()
    {
        var exported = RunThroughTracerProvider(activity =>
        {
            activity.SetTag("process.command_args", new[] { "deploy", "--password", "argv-secret-1", "--api-key=flag-secret-2" });
            activity.SetTag("process.command_line", "deploy --db-password cmdline-secret-3 --registry https://deployer:url-password-4@registry.example.com/v2");
            activity.SetTag("db.password", "db-password-5");
            activity.SetTag("http.request.header.authorization", new[] { "Bearer bearer-secret-6" });
            activity.SetTag("url.full", "https://example.com/cb?access_token=query-token-7&state=ok");
            activity.SetTag("db.connection_string", "Server=db;User Id=sa;Password=connstr-secret-8;");
            activity.SetTag("build.output", "pushed using " + EnvironmentSecret);
            activity.SetTag("process.exit.code", 1);
            activity.AddEvent(new ActivityEvent("log", tags: new ActivityTagsCollection
            {
                ["message"] = "sent Authorization: Basic basic-secret-9",
                ["body"] = "{\"api_key\": \"json-apikey-10\"}",
            }));
            activity.AddException(Thrown(new InvalidOperationException("push failed: token=exception-token-11")));
            activity.DisplayName = "git push https://ci:name-password-13@git.example.com";
            activity.SetStatus(ActivityStatusCode.Error, "push failed: token=status-token-14");
        });

        var text = AllText(exported);
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"secret '{secret}' was exported in:\n{text}");
        }

        Assert.Equal(["deploy", "--password", "[REDACTED]", "--api-key=[REDACTED]"], (string[])exported.GetTagItem("process.command_args")!);
        Assert.Equal(
            "deploy --db-password [REDACTED] --registry https://deployer:[REDACTED]@registry.example.com/v2",
            exported.GetTagItem("process.command_line"));
        Assert.Equal(SecretRedactor.Mask, exported.GetTagItem("db.password"));
        Assert.Equal("https://example.com/cb?access_token=[REDACTED]&state=ok", exported.GetTagItem("url.full"));
        Assert.Equal(1, exported.GetTagItem("process.exit.code"));
        Assert.Equal("git push https://ci:[REDACTED]@git.example.com", exported.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, exported.Status);
        Assert.Equal("push failed: token=[REDACTED]", exported.StatusDescription);

        var log = exported.Events.Single(e => e.Name == "log");
        Assert.Equal("sent Authorization: Basic [REDACTED]", TagOf(log, "message"));
        Assert.Equal("{\"api_key\": \"[REDACTED]\"}", TagOf(log, "body"));
        var exception = exported.Events.Single(e => e.Name == "exception");
        Assert.Equal("push failed: token=[REDACTED]", TagOf(exception, "exception.message"));
        Assert.Contains("InvalidOperationException", (string)TagOf(exception, "exception.stacktrace")!, StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException", TagOf(exception, "exception.type"));
    }

    [Fact]
    public void OnEnd_SecretInLinkAttributes_IsMasked()
    {
        var linked = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var exported = RunThroughTracerProvider(
            activity => { },
            links: [new ActivityLink(linked, new ActivityTagsCollection { ["note"] = "password: link-secret-12" })]);

        Assert.Equal("password: [REDACTED]", exported.Links.Single().Tags!.Single().Value);
    }

    [Fact]
    public void OnEnd_ValueWhoseTextCannotBeRead_IsReplacedByTheMask()
    {
        var exported = RunThroughTracerProvider(activity =>
        {
            activity.SetTag("custom", new UnprintableValue());
            activity.SetTag("kept", "plain");
        });

        Assert.Equal(SecretRedactor.Mask, exported.GetTagItem("custom"));
        Assert.Equal("plain", exported.GetTagItem("kept"));
    }

    [Fact]
    public void OnEnd_RedactionDisabled_ExportsValuesAsTheyAre()
    {
        var exported = RunThroughTracerProvider(
            activity => activity.SetTag("db.password", "visible-on-purpose"),
            options: new RedactionOptions { Enabled = false });

        Assert.Equal("visible-on-purpose", exported.GetTagItem("db.password"));
    }

    [Fact]
    public void Withhold_SpanThatCannotBeScrubbed_IsNotExported()
    {
        var name = UniqueSourceName();
        var exported = new List<Activity>();
        using (var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(name)
            .AddProcessor(new WithholdingProcessor())
            .AddInMemoryExporter(exported)
            .Build())
        using (var source = new ActivitySource(name, "1.0"))
        {
            source.StartActivity("unscrubbable")?.Dispose();
        }

        Assert.Empty(exported);
    }

    // RedactionProcessor scrubs event and link attributes by writing through the ref returned by
    // EnumerateTagObjects(), because ActivityEvent/ActivityLink are immutable structs, their Tags is a read-only copy
    // of the ActivityTagsCollection given to their constructor, and Activity offers no way to replace an event.
    [Fact]
    public void EventAndLinkTags_WrittenThroughEnumerateTagObjects_AreSeenByEveryReader()
    {
        var runtime = RuntimeInformation.FrameworkDescription;
        const string hint = "RedactionProcessor can no longer scrub event or link attributes in place and would withhold "
            + "every span carrying a secret in them; redesign RedactionProcessor.RedactInPlace before using this runtime.";
        using var source = new ActivitySource(UniqueSourceName(), "1.0");
        using var listener = ListenToEverything(source.Name);
        var linked = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        ActivityLink[] links = [new(linked, new ActivityTagsCollection { ["note"] = "original" })];
        using var activity = source.StartActivity("pin", ActivityKind.Internal, default(ActivityContext), links: links)!;
        activity.AddEvent(new ActivityEvent("log", tags: new ActivityTagsCollection { ["message"] = "original" }));
        activity.AddException(new InvalidOperationException("original"));

        foreach (ref readonly var activityEvent in activity.EnumerateEvents())
        {
            OverwriteFirstTag(activityEvent.EnumerateTagObjects());
        }

        foreach (ref readonly var link in activity.EnumerateLinks())
        {
            OverwriteFirstTag(link.EnumerateTagObjects());
        }

        foreach (var activityEvent in activity.Events)
        {
            Assert.True(
                Equals(activityEvent.Tags.First().Value, "changed"),
                $"On {runtime}, a tag of event '{activityEvent.Name}' written through EnumerateTagObjects() is not seen through Activity.Events[].Tags. {hint}");
        }

        Assert.True(
            Equals(activity.Links.Single().Tags!.Single().Value, "changed"),
            $"On {runtime}, a link tag written through EnumerateTagObjects() is not seen through Activity.Links[].Tags. {hint}");

        static void OverwriteFirstTag(Activity.Enumerator<KeyValuePair<string, object?>> tags)
        {
            foreach (ref var tag in tags)
            {
                tag = new(tag.Key, "changed");
                return;
            }

            Assert.Fail("An event or link lost its tags.");
        }
    }

    private static Activity RunThroughTracerProvider(
        Action<Activity> record,
        RedactionOptions? options = null,
        IEnumerable<ActivityLink>? links = null)
    {
        var name = UniqueSourceName();
        var exported = new List<Activity>();
        var environment = new Dictionary<string, string?> { ["DEPLOY_TOKEN"] = EnvironmentSecret };
        using (var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(name)
            .AddProcessor(new RedactionProcessor(new SecretRedactor(options ?? new RedactionOptions(), environment)))
            .AddInMemoryExporter(exported)
            .Build())
        using (var source = new ActivitySource(name, "1.0"))
        {
            using var activity = source.StartActivity("build.step.deploy", ActivityKind.Internal, default(ActivityContext), links: links);
            Assert.NotNull(activity);
            record(activity);
        }

        return Assert.Single(exported);
    }

    private static string AllText(Activity activity)
    {
        var lines = new List<string> { activity.DisplayName, activity.StatusDescription ?? string.Empty };
        lines.AddRange(activity.TagObjects.Select(tag => $"{tag.Key}={Format(tag.Value)}"));
        foreach (var activityEvent in activity.Events)
        {
            lines.Add(activityEvent.Name);
            lines.AddRange(activityEvent.Tags.Select(tag => $"{activityEvent.Name}.{tag.Key}={Format(tag.Value)}"));
        }

        return string.Join('\n', lines);
    }

    private static string Format(object? value) => value switch
    {
        string[] items => string.Join(' ', items),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static object? TagOf(ActivityEvent activityEvent, string key) =>
        activityEvent.Tags.Single(tag => tag.Key == key).Value;

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private static ActivityListener ListenToEverything(string sourceName)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static string UniqueSourceName() => $"Obs.Tests.Redaction.{Guid.NewGuid():N}";

    private sealed class WithholdingProcessor : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => RedactionProcessor.Withhold(data);
    }

    private sealed class UnprintableValue
    {
        public override string ToString() => throw new InvalidOperationException("cannot print");
    }
}
