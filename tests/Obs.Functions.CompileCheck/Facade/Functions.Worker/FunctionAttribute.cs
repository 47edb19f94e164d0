// Facade (never shipped): Azure/azure-functions-dotnet-worker, Microsoft.Azure.Functions.Worker.FunctionAttribute
// (package Microsoft.Azure.Functions.Worker.Core; its source file is not in the searchable index, so the
// path is not cited — signature as documented: FunctionAttribute(string name), Name, methods only).
namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute : Attribute
{
    public FunctionAttribute(string name) => Name = name;

    public string Name { get; }
}
