// Facade (never shipped): Azure/azure-functions-durable-extension src/Worker.Extensions.DurableTask/HttpManagementPayload.cs
// (the real type is annotated for Newtonsoft.Json; the setters are internal there too).
namespace Microsoft.Azure.Functions.Worker;

public class HttpManagementPayload
{
    public string Id { get; internal set; } = string.Empty;

    public string StatusQueryGetUri { get; internal set; } = string.Empty;

    public string SendEventPostUri { get; internal set; } = string.Empty;

    public string TerminatePostUri { get; internal set; } = string.Empty;

    public string RewindPostUri { get; internal set; } = string.Empty;

    public string PurgeHistoryDeleteUri { get; internal set; } = string.Empty;

    public string RestartPostUri { get; internal set; } = string.Empty;

    public string SuspendPostUri { get; internal set; } = string.Empty;

    public string ResumePostUri { get; internal set; } = string.Empty;
}
