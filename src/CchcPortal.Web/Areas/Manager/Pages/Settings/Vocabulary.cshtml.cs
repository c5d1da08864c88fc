using System.Text;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search.Vocabulary;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

/// <summary>The citizen vocabulary of search: list, search, add, edit, switch off, delete, import and export the TSV.</summary>
public sealed class VocabularyModel(SearchVocabularyService vocabulary) : ManagerPageModel
{
    public const int MaxImportBytes = 1024 * 1024;

    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    /// <summary>The entry whose form is open for editing.</summary>
    [FromQuery(Name = "sua")] public int? EditId { get; set; }

    [BindProperty] public EntryInput Input { get; set; } = new();

    public PagedResult<SearchVocabularyEntry> Result { get; private set; } = null!;

    public sealed class EntryInput
    {
        public string? Key { get; set; }
        public string? Official { get; set; }
        public VocabularyKind Kind { get; set; }
        public string? Group { get; set; }
        public bool Enabled { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (EditId is { } id)
        {
            if (await vocabulary.FindAsync(id, ct) is not { } entry) return NotFound();
            Input = new EntryInput { Key = entry.Key, Official = entry.Official, Kind = entry.Kind, Group = entry.Group, Enabled = entry.Enabled };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await vocabulary.ExportAsync(ct)), "text/tab-separated-values; charset=utf-8", "tu-dien-tim-kiem.tsv");

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await vocabulary.AddAsync(Input.Key, Input.Official, Input.Kind, Input.Group, ct);
        if (!result.Succeeded) return await InvalidAsync(result.Errors, ct);
        Flash($"Đã thêm \"{result.Value!.Key}\". Tìm kiếm dùng ngay từ này.");
        return RedirectToPage(new { q = result.Value.Key });
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        EditId = id;
        var result = await vocabulary.UpdateAsync(id, Input.Key, Input.Official, Input.Kind, Input.Group, Input.Enabled, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded) return await InvalidAsync(result.Errors, ct);
        Flash($"Đã lưu \"{result.Value!.Key}\".");
        return RedirectToPage(new { q = Query, trang = PageNumber });
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, bool enabled, CancellationToken ct)
    {
        if (!await vocabulary.SetEnabledAsync(id, enabled, ct)) return NotFound();
        Flash(enabled ? "Đã bật lại từ này." : "Đã tắt từ này: tìm kiếm không dùng nó nữa.");
        return RedirectToPage(new { q = Query, trang = PageNumber });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await vocabulary.DeleteAsync(id, ct)) return NotFound();
        Flash("Đã xóa từ khỏi từ điển.");
        return RedirectToPage(new { q = Query, trang = PageNumber });
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (file is null || file.Length == 0) errors.Add("file", "Vui lòng chọn tệp .tsv để nhập.");
        else if (file.Length > MaxImportBytes) errors.Add("file", "Tệp nhập không được lớn quá 1 MB.");
        if (errors.Any) return await InvalidAsync(errors, ct);
        using var reader = new StreamReader(file!.OpenReadStream(), Encoding.UTF8);
        var result = await vocabulary.ImportAsync(await reader.ReadToEndAsync(ct), ct);
        if (!result.Succeeded)
        {
            foreach (var issue in result.Issues.Take(20))
                errors.Add("file", issue.Row > 0 ? $"Dòng {issue.Row}: {issue.Message}" : issue.Message);
            if (result.Issues.Count > 20) errors.Add("file", $"… và {result.Issues.Count - 20} lỗi khác. Không dòng nào được nhập.");
            return await InvalidAsync(errors, ct);
        }
        Flash($"Đã nhập tệp: thêm {result.Added}, cập nhật {result.Updated} từ.");
        return RedirectToPage();
    }

    public string PageHref(int page) => $"/quan-tri/cai-dat/tu-dong-nghia?q={Uri.EscapeDataString(Query ?? "")}&trang={page}";

    private async Task<IActionResult> InvalidAsync(ValidationErrors errors, CancellationToken ct)
    {
        AddErrors(errors, "Input.");
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await vocabulary.ListAsync(new SearchVocabularyService.Filter(ListQuery.Filter(Query), Math.Clamp(PageNumber, 1, ListQuery.MaxPage)), ct);
}
