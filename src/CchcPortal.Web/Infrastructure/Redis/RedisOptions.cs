namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// Configuration section "Redis". Without <see cref="Configuration"/> every shared thing stays in this process
/// (one node); with it, data-protection keys, the page cache, rate limits, spent proofs of work and the leases of
/// scheduled work live in Redis so several nodes behave as one.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "127.0.0.1:6379,abortConnect=false".</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Prefix of every key, so several portals can share one Redis.</summary>
    public string InstanceName { get; set; } = "cchc:";

    /// <summary>How long a node keeps a lease of scheduled work without renewing it (renewed every third of it).</summary>
    public int LeaseSeconds { get; set; } = 30;

    public static RedisOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RedisOptions>() ?? new RedisOptions();

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
