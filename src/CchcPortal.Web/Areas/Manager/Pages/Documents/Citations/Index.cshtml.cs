using CchcPortal.Core.Documents;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Documents.Citations;

/// <summary>"Văn bản chưa có trong thư viện": documents cited in pages that the library does not hold yet.</summary>
public sealed class IndexModel(CitationLinker linker) : ManagerPageModel
{
    public IReadOnlyList<MissingDocument> Missing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Missing = await linker.MissingAsync(ct);

    public async Task<IActionResult> OnPostRescanAsync(CancellationToken ct)
    {
        var count = await linker.RelinkAllAsync(ct);
        Flash($"Đã quét lại toàn bộ: {count} lượt dẫn chiếu văn bản.");
        return RedirectToPage();
    }
}
