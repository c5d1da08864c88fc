using CchcPortal.Core.Changes;

namespace CchcPortal.Web.Features.Search;

/// <summary>Wakes the indexer when content changes, so a published item is searchable within a second or two.</summary>
public sealed class SearchChangeListener(SearchIndexSignal signal) : IContentChangeListener
{
    public Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
    {
        signal.Ring();
        return Task.CompletedTask;
    }
}
