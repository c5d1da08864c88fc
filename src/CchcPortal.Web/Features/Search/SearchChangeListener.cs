using CchcPortal.Core.Content;

namespace CchcPortal.Web.Features.Search;

/// <summary>Wakes the indexer when content changes, so a published item is searchable within a second or two.</summary>
public sealed class SearchChangeListener(SearchIndexer indexer) : IContentChangeListener
{
    public Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
    {
        indexer.Wake();
        return Task.CompletedTask;
    }
}
