using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Search;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

/// <summary>State of the search index and the administrator's "rebuild from scratch" button.</summary>
public sealed class SearchModel(SearchIndexer indexer, ISearchIndex index, SearchIndexUpdater updater) : ManagerPageModel
{
    public long? AppliedSequence { get; private set; }
    public long LatestSequence { get; private set; }
    public int Documents { get; private set; }
    public SearchIndexer Indexer => indexer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        AppliedSequence = index.CommittedSequence;
        LatestSequence = await updater.LatestSequenceAsync(ct);
        Documents = index.DocumentCount;
    }

    public Microsoft.AspNetCore.Mvc.IActionResult OnPostRebuild()
    {
        indexer.RequestRebuild();
        Flash("Đã yêu cầu xây dựng lại chỉ mục tìm kiếm. Trong lúc đó, tìm kiếm vẫn dùng chỉ mục cũ.");
        return RedirectToPage();
    }
}
