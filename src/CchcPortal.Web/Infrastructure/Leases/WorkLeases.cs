namespace CchcPortal.Web.Infrastructure.Leases;

/// <summary>
/// Leases of scheduled work (publishing, the overdue digest, the mail outbox): a job runs only while its node holds
/// the job's lease, so with several nodes it runs on exactly one at a time, and on another when that node dies.
/// </summary>
public interface IWorkLeases
{
    /// <summary>Whether this node holds <paramref name="name"/> now, taking it when nobody does.</summary>
    Task<bool> TryHoldAsync(string name, CancellationToken ct = default);
}

/// <summary>The names of the leases, one per job.</summary>
public static class WorkLeaseNames
{
    public const string ScheduledPublishing = "scheduled-publishing";
    public const string OverdueDigest = "overdue-digest";
    public const string Outbox = "outbox";
}

/// <summary>One node: every lease is always this node's.</summary>
public sealed class LocalWorkLeases : IWorkLeases
{
    public Task<bool> TryHoldAsync(string name, CancellationToken ct = default) => Task.FromResult(true);
}
