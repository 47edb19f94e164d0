using System.Net;
using System.Text.Json;

namespace Obs.Cli.Tests.Serve;

/// <summary>Polls Durable's status API until an instance finishes, within a bound.</summary>
internal static class InstancePolling
{
    public static async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, string instanceId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync($"runtime/webhooks/durabletask/instances/{instanceId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return document.RootElement.Clone();
            }

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"status of {instanceId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{instanceId} did not finish within {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>POSTs <paramref name="json"/> to <paramref name="route"/> and returns the new instance id (asserting 202).</summary>
    public static async Task<string> StartAsync(HttpClient client, string route, string json)
    {
        using var response = await client.PostAsync(route, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {route}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }
}
