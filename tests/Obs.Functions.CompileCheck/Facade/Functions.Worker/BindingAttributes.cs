// Facade (never shipped): Azure/azure-functions-dotnet-worker
//   extensions/Worker.Extensions.Abstractions/src/BindingAttribute.cs, InputBindingAttribute.cs,
//   and TriggerBindingAttribute (same folder): the bases every binding attribute derives from.
namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

public abstract class BindingAttribute : Attribute;

public abstract class InputBindingAttribute : BindingAttribute;

public abstract class TriggerBindingAttribute : BindingAttribute;
