namespace Obs.Orchestrations.Local.Storage;

/// <summary>An instance an engine just took the lease of.</summary>
/// <param name="Instance">The row as it is after the claim (owner and expiry set).</param>
/// <param name="PreviousOwner">Who held it before (null when nobody did): a non-null value means a resume after a crash or restart.</param>
public sealed record ClaimedInstance(InstanceRecord Instance, string? PreviousOwner);
