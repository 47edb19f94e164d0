using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Obs.Orchestrations.Build;
using Obs.Testing.Azurite;
using Obs.Telemetry.Catalog;
using Xunit.Abstractions;
using static Obs.Orchestrations.Tests.Build.BuildSteps;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>
/// <c>artifacts_upload</c> end to end: the real local engine runs a build whose artifacts go to a
/// real Azurite; the connection string is read from a per-test environment variable.
/// </summary>
public sealed class ArtifactUploadTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string MakeArtifacts = "mkdir -p dist/nested && printf 'hello\\n' > dist/app.whl && printf '{\"a\":1}' > dist/nested/report.json";

    [Fact]
    public async Task Build_WithArtifactsUpload_UploadsEachArtifactWithItsBytesAndRecordsUrls()
    {
        if (!azurite.IsRunning)
        {
            output.WriteLine($"skipped: {azurite.SkipReason}");
            return;
        }

        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();
        var variable = UniqueVariable();
        Environment.SetEnvironmentVariable(variable, azurite.ConnectionString);
        var container = "builds-" + Guid.NewGuid().ToString("N")[..12];
        var definition = Definition(Command("package", MakeArtifacts)) with
        {
            Name = "upload-e2e",
            Artifacts = ["dist/**"],
            ArtifactsUpload = new ArtifactUploadDefinition { Container = container, ConnectionStringEnv = variable },
        };

        var (instance, result, traceId) = await RunTracedAsync(harness, definition);

        Assert.True(result.Success);
        var artifacts = Assert.IsAssignableFrom<IReadOnlyList<ArtifactInfo>>(result.Artifacts);
        Assert.Equal(["dist/app.whl", "dist/nested/report.json"], artifacts.Select(a => a.Path));
        Assert.All(artifacts, a => Assert.Null(a.UploadError));
        Assert.Equal(
            artifacts.Select(a => $"http://127.0.0.1:{azurite.Port}/{AzuriteFixture.AccountName}/{container}/upload-e2e/run-1/{a.Path}"),
            artifacts.Select(a => a.Url));

        var blobs = new BlobContainerClient(azurite.ConnectionString, container);
        var listed = new List<string>();
        await foreach (var item in blobs.GetBlobsAsync())
        {
            listed.Add(item.Name);
        }

        Assert.Equal(["upload-e2e/run-1/dist/app.whl", "upload-e2e/run-1/dist/nested/report.json"], listed.Order(StringComparer.Ordinal));
        foreach (var artifact in artifacts)
        {
            var blob = blobs.GetBlobClient($"upload-e2e/run-1/{artifact.Path}");
            var content = (await blob.DownloadContentAsync()).Value;
            Assert.Equal(artifact.Sha256, Convert.ToHexStringLower(SHA256.HashData(content.Content.ToArray())));
            Assert.Equal(await File.ReadAllBytesAsync(harness.PathOf(artifact.Path)), content.Content.ToArray());
            Assert.Equal(ArtifactUploadContentTypes.Of(artifact.Path), content.Details.ContentType);
        }

        var spans = collector.InTrace(traceId);
        var collection = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildArtifactCollection);
        Assert.Equal(2, collection.GetTagItem(AttributeKeys.BuildArtifacts.UploadCount));
        Assert.Equal(artifacts.Sum(a => a.Bytes), collection.GetTagItem(AttributeKeys.BuildArtifacts.UploadBytes));
        Assert.Equal(container, collection.GetTagItem(AttributeKeys.BuildArtifacts.UploadContainer));
        Assert.NotEqual(ActivityStatusCode.Error, collection.Status);
        AssertNoSecret(spans, instance.SerializedOutput, instance.SerializedInput);
    }

    [Fact]
    public async Task Build_WithArtifactsUpload_MissingVariable_FailsWithErrorNamingIt()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();
        var variable = UniqueVariable();
        var definition = Definition(Command("package", MakeArtifacts)) with
        {
            Artifacts = ["dist/**"],
            ArtifactsUpload = new ArtifactUploadDefinition { Container = "builds", ConnectionStringEnv = variable },
        };

        var (_, result, traceId) = await RunTracedAsync(harness, definition);

        Assert.False(result.Success);
        Assert.All(result.Steps, s => Assert.Equal(BuildStepStatus.Succeeded, s.Status));
        Assert.All(result.Artifacts!, a =>
        {
            Assert.Null(a.Url);
            Assert.Contains($"environment variable {variable} is not set", a.UploadError, StringComparison.Ordinal);
        });
        var spans = collector.InTrace(traceId);
        var collection = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildArtifactCollection);
        Assert.Equal(ActivityStatusCode.Error, collection.Status);
        Assert.Contains(variable, collection.StatusDescription, StringComparison.Ordinal);
        Assert.Equal(ArtifactUploader.ConfigurationErrorType, collection.GetTagItem(AttributeKeys.Error.Type));
        Assert.Equal(0, collection.GetTagItem(AttributeKeys.BuildArtifacts.UploadCount));
        var build = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        Assert.Equal(false, build.GetTagItem(AttributeKeys.Build.Success));
    }

    [Fact]
    public async Task Build_WithArtifactsUpload_UnreachableStorage_ReportsErrorWithoutKeyAndCompletes()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();
        var variable = UniqueVariable();
        Environment.SetEnvironmentVariable(variable, AzuriteFixture.ConnectionStringFor(AzuriteFixture.FreePort()));
        var definition = Definition(Command("package", MakeArtifacts)) with
        {
            Artifacts = ["dist/**"],
            ArtifactsUpload = new ArtifactUploadDefinition { Container = "builds", ConnectionStringEnv = variable },
        };
        var clock = Stopwatch.StartNew();

        var (instance, result, traceId) = await RunTracedAsync(harness, definition);

        output.WriteLine($"failed upload took {clock.Elapsed.TotalSeconds:F1} s: {result.Artifacts![0].UploadError}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
        Assert.False(result.Success);
        Assert.All(result.Artifacts!, a => Assert.Contains("upload to container builds failed", a.UploadError, StringComparison.Ordinal));
        var spans = collector.InTrace(traceId);
        var collection = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildArtifactCollection);
        Assert.Equal(ActivityStatusCode.Error, collection.Status);
        Assert.IsType<string>(collection.GetTagItem(AttributeKeys.Error.Type));
        Assert.Equal(0, collection.GetTagItem(AttributeKeys.BuildArtifacts.UploadCount));
        AssertNoSecret(spans, instance.SerializedOutput, instance.SerializedInput);
    }

    [Fact]
    public async Task Build_WithArtifactsUpload_StoppedAzurite_ReportsErrorAndCompletes()
    {
        // Its own server, stopped before the build: the port was Azurite's a moment ago.
        var stopped = new AzuriteFixture();
        string connectionString;
        try
        {
            await stopped.InitializeAsync();
            if (!stopped.IsRunning)
            {
                output.WriteLine($"skipped: {stopped.SkipReason}");
                return;
            }

            connectionString = stopped.ConnectionString;
        }
        finally
        {
            await stopped.DisposeAsync();
        }

        await using var harness = await BuildHarness.StartAsync();
        var variable = UniqueVariable();
        Environment.SetEnvironmentVariable(variable, connectionString);
        var definition = Definition(Command("package", MakeArtifacts)) with
        {
            Artifacts = ["dist/**"],
            ArtifactsUpload = new ArtifactUploadDefinition { Container = "builds", ConnectionStringEnv = variable },
        };

        var (instance, result) = await harness.RunAsync(definition);

        Assert.False(result.Success);
        Assert.All(result.Artifacts!, a => Assert.NotNull(a.UploadError));
        Assert.DoesNotContain(AzuriteFixture.AccountKey, instance.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_ArtifactsUploadSection_LoadsFromYamlAndResolvesPrefix()
    {
        var definition = BuildDefinitionLoader.LoadYaml("""
            name: app
            steps:
              - name: s
                type: command
                command: "true"
            artifacts: ["dist/**"]
            artifacts_upload:
              container: builds
              connection_string_env: OBS_ARTIFACTS_CONNECTION_STRING
            """);

        var upload = Assert.IsType<ArtifactUploadDefinition>(definition.ArtifactsUpload);
        Assert.Equal("builds", upload.Container);
        Assert.Equal("OBS_ARTIFACTS_CONNECTION_STRING", upload.ConnectionStringEnv);
        Assert.Null(upload.Prefix);
        Assert.Equal("app/42/dist/a.whl", upload.Resolve("app", "42").BlobNameOf("dist/a.whl"));
        Assert.Equal("build/42/a", upload.Resolve(null, "42").BlobNameOf("a"));
        Assert.Equal("ci/app-42/a", (upload with { Prefix = "/ci/{build_name}-{run_id}/" }).Resolve("app", "42").BlobNameOf("a"));
        Assert.Equal("a", (upload with { Prefix = "" }).Resolve("app", "42").BlobNameOf("a"));
    }

    [Theory]
    [InlineData("dist/app.whl", "application/zip")]
    [InlineData("report.JSON", "application/json")]
    [InlineData("build.log", "text/plain")]
    [InlineData("pkg.tar.gz", "application/gzip")]
    [InlineData("a.out", "application/octet-stream")]
    [InlineData("Makefile", "application/octet-stream")]
    public void ContentTypes_Of_ByExtension(string path, string expected) =>
        Assert.Equal(expected, ArtifactUploadContentTypes.Of(path));

    [Fact]
    public void PublicUrl_DropsSasAndUserInfo() =>
        Assert.Equal(
            "https://acct.blob.core.windows.net/builds/a%20b.whl",
            ArtifactUploader.PublicUrl(new Uri("https://user:pw@acct.blob.core.windows.net/builds/a%20b.whl?sv=2024&sig=secret")));

    private static string UniqueVariable() => "OBS_TEST_ARTIFACTS_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    private static async Task<(OrchestrationMetadata Instance, BuildResult Result, ActivityTraceId TraceId)> RunTracedAsync(BuildHarness harness, BuildDefinition definition)
    {
        using var caller = ObsSpanCollector.CallerSource.StartActivity("caller");
        Assert.NotNull(caller);
        var (instance, result) = await harness.RunAsync(definition);
        return (instance, result, caller.TraceId);
    }

    private static void AssertNoSecret(IReadOnlyList<Activity> spans, params string?[] documents)
    {
        Assert.NotEmpty(spans);
        foreach (var span in spans)
        {
            var texts = span.TagObjects.Select(t => t.Value is string[] values ? string.Join(' ', values) : Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture))))
                .Append(span.StatusDescription)
                .Append(span.DisplayName);
            Assert.All(texts, t => Assert.DoesNotContain(AzuriteFixture.AccountKey, t ?? string.Empty, StringComparison.Ordinal));
            Assert.All(texts, t => Assert.DoesNotContain("AccountKey=", t ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(documents, d => Assert.DoesNotContain(AzuriteFixture.AccountKey, d ?? string.Empty, StringComparison.Ordinal));
    }
}
