using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.StaticPages;

public sealed class StaticPageInput
{
    public string Title { get; set; } = "";
    public string? BodyHtml { get; set; }
    public bool ShowInFooter { get; set; } = true;
    public int SortOrder { get; set; }

    public const int MaxTitle = 300, MaxBodyHtml = 200_000;

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        var title = VietnameseText.Normalize(Title);
        if (title.Length == 0) e.Add(nameof(Title), "Vui lòng nhập tiêu đề trang.");
        else e.MaxLength(nameof(Title), title, MaxTitle, "Tiêu đề");
        e.MaxLength(nameof(BodyHtml), BodyHtml, MaxBodyHtml, "Nội dung trang");
        return e;
    }
}

/// <summary>Static pages (Giới thiệu, Liên hệ, ...): read for the public, edited in the manager.</summary>
public sealed class StaticPageService(PortalDbContext db, RichTextSanitizer sanitizer, TimeProvider time, ChangeFeed feed, Media.BodyImageCheck bodyImages, Media.VideoReferenceCheck videos)
{
    public Task<StaticPage?> BySlugAsync(string slug, CancellationToken ct = default) =>
        db.StaticPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);

    public Task<StaticPage?> ByIdAsync(int id, CancellationToken ct = default) =>
        db.StaticPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IReadOnlyList<StaticPage>> ListAsync(CancellationToken ct = default) =>
        await db.StaticPages.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);

    public async Task<OperationResult<StaticPage>> UpdateAsync(int id, StaticPageInput input, CancellationToken ct = default)
    {
        var page = await db.StaticPages.FindAsync([id], ct);
        if (page is null) return OperationResult<StaticPage>.Missing();
        var errors = input.Validate();
        input.BodyHtml = await bodyImages.CheckAsync(input.BodyHtml, errors, nameof(StaticPageInput.BodyHtml), ct);
        foreach (var (field, message) in (await videos.CheckAsync(nameof(StaticPageInput.BodyHtml), input.BodyHtml, ct)).All) errors.Add(field, message);
        if (errors.Any) return OperationResult<StaticPage>.Invalid(errors);
        page.Title = VietnameseText.Normalize(input.Title);
        page.BodyHtml = sanitizer.Sanitize(input.BodyHtml);
        page.ShowInFooter = input.ShowInFooter;
        page.SortOrder = input.SortOrder;
        page.UpdatedAt = time.GetUtcNow().UtcDateTime;
        feed.Record(ContentKinds.Page, id, ChangeOperation.Upsert, "update");
        await db.SaveChangesAsync(ct);
        return OperationResult<StaticPage>.Ok(page);
    }
}
