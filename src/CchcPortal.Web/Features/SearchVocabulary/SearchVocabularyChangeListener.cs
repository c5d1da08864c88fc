using CchcPortal.Core.Changes;
using CchcPortal.Core.Search.Vocabulary;

namespace CchcPortal.Web.Features.SearchVocabulary;

/// <summary>An administrator's change on this node: the next search already uses it.</summary>
public sealed class SearchVocabularyChangeListener(SearchVocabularyHolder holder) : IContentChangeListener
{
    public Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct) =>
        notice.Kind == SearchVocabularyService.Kind ? holder.ReloadAsync(ct) : Task.CompletedTask;
}
