using System.Text.Json;
using System.Text.RegularExpressions;

namespace Obs.Infra.Tests;

/// <summary>What infra/main.bicep deploys, read from the ARM JSON bicep compiles it to.</summary>
public sealed class CompiledTemplateTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public async Task Plan_InCompiledTemplate_IsLinuxFlexConsumptionFc1()
    {
        var plan = ArmTemplate.Single(await Bicep.CompiledMainAsync(), "Microsoft.Web/serverfarms").Resource;

        Assert.Equal("FC1", ArmTemplate.At(plan, "sku.name").GetString());
        Assert.Equal("FlexConsumption", ArmTemplate.At(plan, "sku.tier").GetString());
        Assert.True(ArmTemplate.At(plan, "properties.reserved").GetBoolean());
    }

    [Fact]
    public async Task FunctionApp_InCompiledTemplate_RunsDotnetIsolated10OnFlexConsumption()
    {
        var app = ArmTemplate.Single(await Bicep.CompiledMainAsync(), "Microsoft.Web/sites").Resource;

        Assert.Equal("functionapp,linux", app.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", ArmTemplate.At(app, "properties.functionAppConfig.runtime.name").GetString());
        Assert.Equal("10.0", ArmTemplate.At(app, "properties.functionAppConfig.runtime.version").GetString());
        ArmTemplate.At(app, "properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount");
        ArmTemplate.At(app, "properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB");
        Assert.True(ArmTemplate.At(app, "properties.httpsOnly").GetBoolean());
    }

    [Fact]
    public async Task FunctionApp_DeploymentStorage_IsBlobContainerReachedWithTheUserAssignedIdentity()
    {
        var app = ArmTemplate.Single(await Bicep.CompiledMainAsync(), "Microsoft.Web/sites").Resource;

        var storage = ArmTemplate.At(app, "properties.functionAppConfig.deployment.storage");
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", ArmTemplate.At(storage, "authentication.type").GetString());
        Assert.False(string.IsNullOrEmpty(ArmTemplate.At(storage, "authentication.userAssignedIdentityResourceId").GetString()));
        Assert.Equal("UserAssigned", ArmTemplate.At(app, "identity.type").GetString());
    }

    [Fact]
    public async Task AppSettings_HostStorage_AreIdentityBasedWithoutAConnectionString()
    {
        var settings = AppSettings(await Bicep.CompiledMainAsync());

        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Contains("AzureWebJobsStorage__clientId", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings.Values, v => v.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || v.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AppSettings_OnFlexConsumption_LeaveRuntimeToFunctionAppConfig()
    {
        // Flex Consumption rejects these: the runtime lives in functionAppConfig.runtime.
        var settings = AppSettings(await Bicep.CompiledMainAsync());

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
    }

    [Fact]
    public async Task AppSettings_ApplicationInsights_UseTheConnectionStringAndEntraIdAuthentication()
    {
        var settings = AppSettings(await Bicep.CompiledMainAsync());

        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_OtlpHeaders_ComeFromASecureParameterAllTheWayDown()
    {
        var arm = await Bicep.CompiledMainAsync();
        var app = ArmTemplate.Single(arm, "Microsoft.Web/sites");
        var settings = AppSettings(arm);

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", settings.Keys);
        Assert.Contains("OTEL_SERVICE_NAME", settings.Keys);
        Assert.Contains("OTEL_EXPORTER_OTLP_PROTOCOL", settings.Keys);
        var headers = settings["OTEL_EXPORTER_OTLP_HEADERS"];
        var parameter = Assert.Single(Regex.Matches(headers, @"^\[parameters\('(\w+)'\)\]$")).Groups[1].Value;
        Assert.Equal("securestring", app.Parameter(parameter).GetProperty("type").GetString());

        // ...and main.bicep's own parameter, which the module receives, is secure too.
        var root = arm.GetProperty("parameters");
        Assert.Equal("securestring", root.GetProperty("otlpHeaders").GetProperty("type").GetString());
        Assert.Equal(string.Empty, root.GetProperty("otlpHeaders").GetProperty("defaultValue").GetString());
        Assert.Equal("obs-functions", root.GetProperty("serviceName").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task RoleAssignments_ForTheIdentity_GrantBlobQueueTableDataAndMetricsPublishing()
    {
        var arm = await Bicep.CompiledMainAsync();
        var assignments = ArmTemplate.All(arm, "Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        foreach (var assignment in assignments)
        {
            Assert.Equal("ServicePrincipal", ArmTemplate.At(assignment.Resource, "properties.principalType").GetString());
        }

        // The role ids appear in the templates that declare the assignments (inline or as variables).
        var declaring = string.Concat(assignments.Select(a => a.Template.GetRawText()).Distinct());
        Assert.Contains(StorageBlobDataOwner, declaring, StringComparison.Ordinal);
        Assert.Contains(StorageQueueDataContributor, declaring, StringComparison.Ordinal);
        Assert.Contains(StorageTableDataContributor, declaring, StringComparison.Ordinal);
        Assert.Contains(MonitoringMetricsPublisher, declaring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageAccount_InCompiledTemplate_IsLockedDownWithBlobQueueAndTableServices()
    {
        var arm = await Bicep.CompiledMainAsync();
        var account = ArmTemplate.Single(arm, "Microsoft.Storage/storageAccounts").Resource;

        Assert.Equal("StorageV2", account.GetProperty("kind").GetString());
        Assert.Equal("TLS1_2", ArmTemplate.At(account, "properties.minimumTlsVersion").GetString());
        Assert.False(ArmTemplate.At(account, "properties.allowBlobPublicAccess").GetBoolean());
        Assert.False(ArmTemplate.At(account, "properties.allowSharedKeyAccess").GetBoolean());
        ArmTemplate.Single(arm, "Microsoft.Storage/storageAccounts/blobServices");
        ArmTemplate.Single(arm, "Microsoft.Storage/storageAccounts/queueServices");
        ArmTemplate.Single(arm, "Microsoft.Storage/storageAccounts/tableServices");
        ArmTemplate.Single(arm, "Microsoft.Storage/storageAccounts/blobServices/containers");
    }

    [Fact]
    public async Task ApplicationInsights_InCompiledTemplate_IsWorkspaceBased()
    {
        var arm = await Bicep.CompiledMainAsync();
        var insights = ArmTemplate.Single(arm, "Microsoft.Insights/components").Resource;

        ArmTemplate.Single(arm, "Microsoft.OperationalInsights/workspaces");
        Assert.Contains("Microsoft.OperationalInsights/workspaces", ArmTemplate.At(insights, "properties.WorkspaceResourceId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_OfMainTemplate_IncludeTheAppUrlAndNoSecret()
    {
        var outputs = (await Bicep.CompiledMainAsync()).GetProperty("outputs");

        var url = outputs.GetProperty("functionAppUrl").GetProperty("value").GetString()!;
        Assert.Contains("https://", url, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", url, StringComparison.Ordinal);
        Assert.True(outputs.TryGetProperty("functionAppName", out _));
        Assert.True(outputs.TryGetProperty("storageAccountName", out _));
        Assert.True(outputs.TryGetProperty("identityClientId", out _));
        foreach (var output in outputs.EnumerateObject())
        {
            Assert.DoesNotContain("secure", output.Value.GetProperty("type").GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("otlpHeaders", output.Value.GetRawText(), StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> AppSettings(JsonElement arm)
    {
        var app = ArmTemplate.Single(arm, "Microsoft.Web/sites").Resource;
        return ArmTemplate.At(app, "properties.siteConfig.appSettings").EnumerateArray().ToDictionary(
            s => s.GetProperty("name").GetString()!,
            s => s.GetProperty("value").GetString()!,
            StringComparer.Ordinal);
    }
}
