// Facade (never shipped): Azure/azure-functions-dotnet-worker src/DotNetWorker.Core/Context/FunctionContext.cs
// and src/DotNetWorker.Core/Context/BindingContext.cs. Only the members functions/ reads: BindingContext
// (abstract) and CancellationToken (virtual, as used by extensions/Worker.Extensions.Http.AspNetCore/src/
// FunctionsMiddleware/FunctionsHttpProxyingMiddleware.cs: context.CancellationToken).
namespace Microsoft.Azure.Functions.Worker;

public abstract class FunctionContext
{
    public abstract BindingContext BindingContext { get; }

    public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;
}

public abstract class BindingContext
{
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}
