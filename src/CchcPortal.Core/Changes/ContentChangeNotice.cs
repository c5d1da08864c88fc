namespace CchcPortal.Core.Changes;

/// <summary>Raised after a content change is committed: drives cache eviction (and later, indexing and audit).</summary>
public sealed record ContentChangeNotice(string Kind, int EntityId, string Operation);

public interface IContentChangeListener
{
    Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct);
}

/// <summary>Fans a notice out to every registered listener; a failing listener never undoes a committed change.</summary>
public sealed class ContentChangeBroadcaster(IEnumerable<IContentChangeListener> listeners)
{
    public async Task PublishAsync(ContentChangeNotice notice, CancellationToken ct = default)
    {
        foreach (var listener in listeners)
            await listener.OnChangedAsync(notice, ct);
    }
}
