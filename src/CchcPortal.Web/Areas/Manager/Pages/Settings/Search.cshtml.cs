using CchcPortal.Core.Audit;
using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Search;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

/// <summary>State of the search index, the documents it set aside (retried by hand) and the "rebuild from scratch" button.</summary>
public sealed class SearchModel(SearchIndexer indexer, ISearchIndex index, SearchIndexUpdater updater, SearchIndexFailureLog failures, AuditLog audit)
    : ManagerPageModel
{
    public IReadOnlyList<SearchIndexFailure> Failures { get; private set; } = [];
    public long? AppliedSequence { get; private set; }
    public long LatestSequence { get; private set; }
    public int Documents { get; private set; }
    public SearchIndexer Indexer => indexer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        AppliedSequence = index.CommittedSequence;
        LatestSequence = await updater.LatestSequenceAsync(ct);
        Documents = index.DocumentCount;
        Failures = await failures.ListAsync(ct);
    }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        if (!await failures.RetryAsync(id, ct)) return NotFound();
        await audit.RecordAsync(AuditActions.SearchIndexRetried, $"SearchIndexFailure:{id}", "Đưa tài liệu lỗi vào hàng đợi lập chỉ mục lại", ct: ct);
        indexer.Wake();
        Flash("Đã đưa tài liệu vào hàng đợi lập chỉ mục lại. Nếu thành công, tài liệu sẽ rời khỏi danh sách lỗi.");
        return RedirectToPage();
    }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        indexer.RequestRebuild();
        await audit.RecordAsync(AuditActions.SearchIndexRebuildRequested, "SearchIndex", "Yêu cầu xây dựng lại chỉ mục tìm kiếm", ct: ct);
        Flash("Đã yêu cầu xây dựng lại chỉ mục tìm kiếm. Trong lúc đó, tìm kiếm vẫn dùng chỉ mục cũ.");
        return RedirectToPage();
    }
}
