using Obs.Orchestrations.Build;
using static Obs.Orchestrations.Tests.Build.BuildSteps;

namespace Obs.Orchestrations.Tests.Build;

public sealed class BuildPlanTests
{
    [Fact]
    public void TakeReady_WithoutDependsOn_RunsOneStepAtATimeInOrder()
    {
        var plan = new BuildPlan(Definition(Command("a", "x"), Command("b", "x"), Command("c", "x")));

        var order = new List<string>();
        for (var ready = plan.TakeReady(); ready.Count > 0; ready = plan.TakeReady())
        {
            var step = Assert.Single(ready);
            order.Add(step.Name);
            plan.Complete(Result(step.Name, BuildStepStatus.Succeeded));
        }

        Assert.Equal(["a", "b", "c"], order);
        Assert.True(plan.IsFinished);
        Assert.True(plan.Succeeded);
    }

    [Fact]
    public void TakeReady_Dag_FansOutIndependentStepsAndWaitsForAllDependencies()
    {
        var plan = new BuildPlan(Definition(Command("a", "x"), Command("b", "x"), Command("c", "x", "a", "b")));

        Assert.Equal(["a", "b"], plan.TakeReady().Select(s => s.Name));
        plan.Complete(Result("a", BuildStepStatus.Succeeded));
        Assert.Empty(plan.TakeReady());
        plan.Complete(Result("b", BuildStepStatus.Succeeded));
        Assert.Equal(["c"], plan.TakeReady().Select(s => s.Name));
    }

    [Fact]
    public void Complete_Failure_SkipsDependentsTransitivelyAndFailsTheBuild()
    {
        var plan = new BuildPlan(Definition(Command("a", "x"), Command("b", "x", "a"), Command("c", "x", "b"), Command("d", "x")));

        Assert.Equal(["a", "d"], plan.TakeReady().Select(s => s.Name));
        plan.Complete(Result("a", BuildStepStatus.Failed));
        plan.Complete(Result("d", BuildStepStatus.Succeeded));

        Assert.Empty(plan.TakeReady());
        Assert.True(plan.IsFinished);
        Assert.False(plan.Succeeded);
        Assert.Equal(
            [("a", BuildStepStatus.Failed), ("b", BuildStepStatus.Skipped), ("c", BuildStepStatus.Skipped), ("d", BuildStepStatus.Succeeded)],
            plan.Results.Select(r => (r.Name, r.Status)));
    }

    [Fact]
    public void Complete_FailureWithContinueOnError_RunsDependentsAndSucceeds()
    {
        var plan = new BuildPlan(Definition(Command("a", "x") with { ContinueOnError = true }, Command("b", "x")));

        plan.TakeReady();
        plan.Complete(Result("a", BuildStepStatus.TimedOut));

        Assert.Equal(["b"], plan.TakeReady().Select(s => s.Name));
        plan.Complete(Result("b", BuildStepStatus.Succeeded));
        Assert.True(plan.Succeeded);
    }

    [Fact]
    public void Complete_StepNotRunning_Throws()
    {
        var plan = new BuildPlan(Definition(Command("a", "x")));

        Assert.Throws<InvalidOperationException>(() => plan.Complete(Result("a", BuildStepStatus.Succeeded)));
    }

    private static BuildStepResult Result(string name, BuildStepStatus status) => new() { Name = name, Status = status };
}
