namespace Obs.Orchestrations;

/// <summary>Options for one scheduled task (Durable's <c>TaskOptions</c>).</summary>
public sealed record TaskOptions(RetryPolicy? Retry = null)
{
    /// <summary>Options that retry according to <paramref name="policy"/>.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
