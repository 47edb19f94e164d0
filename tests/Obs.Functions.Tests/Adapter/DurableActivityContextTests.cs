using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Moq;
using Obs.Functions.Functions;
using Obs.Orchestrations.Durable;

namespace Obs.Functions.Tests.Adapter;

/// <summary>What an activity sees under Durable, and where the Functions trigger finds the instance id.</summary>
public sealed class DurableActivityContextTests
{
    [Fact]
    public void Context_ExposesNameInstanceCancellationAndItsSpan()
    {
        using var cts = new CancellationTokenSource();
        using var span = new Activity("RunBuildStep").Start();

        var context = new DurableActivityContext("RunBuildStep", "run-7", cts.Token, span);

        Assert.Equal("RunBuildStep", context.Name);
        Assert.Equal("run-7", context.InstanceId);
        Assert.Equal(cts.Token, context.CancellationToken);
        Assert.Same(span, context.Span);
    }

    [Fact]
    public void Context_Untraced_HasNoSpan() =>
        Assert.Null(new DurableActivityContext("RecordMetrics", "run-8", CancellationToken.None, span: null).Span);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Context_BlankName_Throws(string? name) =>
        Assert.ThrowsAny<ArgumentException>(() => new DurableActivityContext(name!, "run", CancellationToken.None, null));

    [Fact]
    public void Context_NullInstanceId_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new DurableActivityContext("A", null!, CancellationToken.None, null));

    [Fact]
    public void InstanceId_FromTheTriggersBindingData()
    {
        var function = Function(new Dictionary<string, object?> { [Activities.InstanceIdBindingKey] = "run-7" });

        Assert.Equal("run-7", Activities.InstanceId(function));
    }

    [Fact]
    public void InstanceId_WithoutInstanceBindingData_IsEmpty()
    {
        Assert.Equal(string.Empty, Activities.InstanceId(Function(new Dictionary<string, object?>())));
        Assert.Equal(string.Empty, Activities.InstanceId(Function(new Dictionary<string, object?> { [Activities.InstanceIdBindingKey] = null })));
    }

    private static FunctionContext Function(IReadOnlyDictionary<string, object?> bindingData)
    {
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(bindingData);
        var function = new Mock<FunctionContext>();
        function.SetupGet(f => f.BindingContext).Returns(binding.Object);
        return function.Object;
    }
}
