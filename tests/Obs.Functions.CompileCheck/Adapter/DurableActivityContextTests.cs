using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Moq;
using Obs.Functions.Durable;

namespace Obs.Functions.CompileCheck.Adapter;

public sealed class DurableActivityContextTests
{
    [Fact]
    public void Context_ExposesNameInstanceCancellationAndTheCurrentSpan()
    {
        using var cts = new CancellationTokenSource();
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(new Dictionary<string, object?> { [DurableActivityContext.InstanceIdBindingKey] = "run-7" });
        var function = new Mock<FunctionContext>();
        function.SetupGet(f => f.BindingContext).Returns(binding.Object);
        function.SetupGet(f => f.CancellationToken).Returns(cts.Token);
        using var span = new Activity("activity-invocation").Start();

        var context = new DurableActivityContext("RunBuildStep", function.Object);

        Assert.Equal("RunBuildStep", context.Name);
        Assert.Equal("run-7", context.InstanceId);
        Assert.Equal(cts.Token, context.CancellationToken);
        Assert.Same(span, context.Span);
    }

    [Fact]
    public void Context_WithoutInstanceBindingData_HasAnEmptyInstanceId()
    {
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(new Dictionary<string, object?>());
        var function = new Mock<FunctionContext>();
        function.SetupGet(f => f.BindingContext).Returns(binding.Object);

        var context = new DurableActivityContext("ProbeStartup", function.Object);

        Assert.Equal(string.Empty, context.InstanceId);
        Assert.False(context.CancellationToken.CanBeCanceled);
    }
}
