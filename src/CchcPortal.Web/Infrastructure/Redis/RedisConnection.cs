using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>The node's one connection to Redis and the key prefix every shared key goes under.</summary>
public sealed class RedisConnection(IConnectionMultiplexer multiplexer, RedisOptions options)
{
    public IConnectionMultiplexer Multiplexer => multiplexer;
    public string Prefix => options.InstanceName;
    public IDatabase Database => multiplexer.GetDatabase();

    public RedisKey Key(string name) => Prefix + name;
}
