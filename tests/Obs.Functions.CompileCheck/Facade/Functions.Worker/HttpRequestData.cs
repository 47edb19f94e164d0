// Facade (never shipped): Azure/azure-functions-dotnet-worker src/DotNetWorker.Core/Http/HttpRequestData.cs
// Declared only as the type of CreateHttpManagementPayload's optional parameter; no member is used.
namespace Microsoft.Azure.Functions.Worker.Http;

public abstract class HttpRequestData;
