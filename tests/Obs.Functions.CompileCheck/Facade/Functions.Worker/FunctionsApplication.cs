// Facade (never shipped): Azure/azure-functions-dotnet-worker
//   src/DotNetWorker/Builder/FunctionsApplication.cs
//   src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs (only Services and Build(); the real one is an
//     IHostApplicationBuilder and IFunctionsWorkerApplicationBuilder)
//   extensions/Worker.Extensions.Http.AspNetCore/src/FunctionsApplicationBuilderAspNetCoreExtensions.cs
// Program.cs is compiled, never run, here: every body throws.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Azure.Functions.Worker.Builder;

public class FunctionsApplication
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => throw new NotSupportedException("facade");
}

public class FunctionsApplicationBuilder
{
    internal FunctionsApplicationBuilder()
    {
    }

    public IServiceCollection Services => throw new NotSupportedException("facade");

    public IHost Build() => throw new NotSupportedException("facade");
}

public static class FunctionsApplicationBuilderAspNetCoreExtensions
{
    public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder) =>
        throw new NotSupportedException("facade");
}
