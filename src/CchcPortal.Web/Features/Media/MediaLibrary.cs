using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Media;
using CchcPortal.Media.Images;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Features.Media;

/// <summary>
/// The manager's media library: upload (checked by content), describe, search, replace (every page using the file
/// follows it) and delete (refused while a page uses the file, naming those pages).
/// </summary>
public sealed class MediaLibrary(PortalDbContext db, MediaStore store, MediaUsages usages, TimeProvider time)
{
    public const int PageSize = 24;

    public async Task<PagedResult<MediaItem>> SearchAsync(string? query, MediaKind? kind, int page, CancellationToken ct = default)
    {
        var q = db.MediaItems.AsNoTracking();
        if (kind is { } k) q = q.Where(m => m.Kind == k);
        foreach (var word in VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            q = q.Where(m => m.SearchText.Contains(word));
        var total = await q.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await q.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new PagedResult<MediaItem>(items, page, PageSize, total);
    }

    public Task<MediaItem?> GetAsync(int id, CancellationToken ct = default) => db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    public Task<IReadOnlyList<MediaUse>> UsesAsync(MediaItem item, CancellationToken ct = default) => usages.FindAsync(item.Url, ct, item.Id);

    /// <summary>Stores a new file: an image (alt text required) or a document (PDF, Word, Excel).</summary>
    public async Task<OperationResult<MediaItem>> UploadAsync(IFormFile? file, string? title, string? alt, string user, CancellationToken ct = default)
    {
        if (MediaItem.ValidateText(title, alt) is { Any: true } tooLong) return OperationResult<MediaItem>.Invalid(tooLong);
        var (stored, kind, error) = await StoreAsync(file, alt, null, ct);
        if (stored is null) return OperationResult<MediaItem>.Fail(error!.Value.Field, error.Value.Message);
        var item = await RegisterAsync(stored, kind, file!.FileName, title, alt, user, ct);
        return OperationResult<MediaItem>.Ok(item);
    }

    /// <summary>Stores a new image only (the editor's image picker): alt text required, checked by content.</summary>
    public async Task<OperationResult<MediaItem>> UploadImageAsync(IFormFile? file, string? title, string? alt, string user, CancellationToken ct = default)
    {
        if (MediaItem.ValidateText(title, alt) is { Any: true } tooLong) return OperationResult<MediaItem>.Invalid(tooLong);
        if (VietnameseText.Normalize(alt).Length == 0) return OperationResult<MediaItem>.Fail("AltText", AltRequired);
        var (bytes, unread) = await UploadReader.ReadAsync(file, "Vui lòng chọn ảnh.", store.MaxBytes, ct: ct);
        if (bytes is null) return OperationResult<MediaItem>.Fail("Upload", unread!);
        var (stored, error) = await store.SaveImageAsync(new MemoryStream(bytes), bytes.Length, ct);
        if (stored is null) return OperationResult<MediaItem>.Fail("Upload", error!);
        return OperationResult<MediaItem>.Ok(await RegisterAsync(stored, MediaKind.Image, file!.FileName, title, alt, user, ct));
    }

    /// <summary>Adds a file already stored by another editor (a post's featured image, a procedure's form).</summary>
    public async Task<MediaItem> RegisterAsync(StoredMedia stored, MediaKind kind, string fileName, string? title, string? alt, string user, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var size = kind == MediaKind.Image && store.PathOf(stored.Url) is { } path ? ImageVariants.Dimensions(path) : null;
        var item = new MediaItem
        {
            Kind = kind, Url = stored.Url, FileName = UploadFileName.Clean(fileName), Title = VietnameseText.Normalize(title), AltText = VietnameseText.Normalize(alt),
            ContentType = stored.ContentType, Length = stored.Length, Width = size?.Width, Height = size?.Height,
            UploadedBy = user, UploadedAt = now, UpdatedAt = now,
        };
        item.SearchText = SearchTextOf(item);
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<OperationResult<MediaItem>> DescribeAsync(int id, string? title, string? alt, CancellationToken ct = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null) return OperationResult<MediaItem>.Missing();
        if (MediaItem.ValidateText(title, alt) is { Any: true } tooLong) return OperationResult<MediaItem>.Invalid(tooLong);
        if (item.Kind == MediaKind.Image && VietnameseText.Normalize(alt).Length == 0)
            return OperationResult<MediaItem>.Fail("AltText", AltRequired);
        item.Title = VietnameseText.Normalize(title);
        item.AltText = VietnameseText.Normalize(alt);
        item.SearchText = SearchTextOf(item);
        item.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return OperationResult<MediaItem>.Ok(item);
    }

    /// <summary>
    /// A new file for the same item, under a new URL (variants and browsers cache the old one for a year); every
    /// page using the old URL is pointed at the new one in the same transaction, then the old file is removed.
    /// </summary>
    public async Task<OperationResult<MediaItem>> ReplaceAsync(int id, IFormFile? file, string user, CancellationToken ct = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null) return OperationResult<MediaItem>.Missing();
        var (stored, kind, error) = await StoreAsync(file, item.AltText.Length > 0 ? item.AltText : "-", item.Kind, ct);
        if (stored is null) return OperationResult<MediaItem>.Fail(error!.Value.Field, error.Value.Message);

        var now = time.GetUtcNow().UtcDateTime;
        var oldUrl = item.Url;
        await usages.RewriteAsync(oldUrl, stored.Url, ct, stored.ContentType, stored.Length);
        var size = kind == MediaKind.Image && store.PathOf(stored.Url) is { } path ? ImageVariants.Dimensions(path) : null;
        item.Url = stored.Url;
        item.FileName = UploadFileName.Clean(file!.FileName);
        item.ContentType = stored.ContentType;
        item.Length = stored.Length;
        (item.Width, item.Height) = (size?.Width, size?.Height);
        item.SearchText = SearchTextOf(item);
        item.UploadedBy = user;
        item.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        store.Delete(oldUrl);
        return OperationResult<MediaItem>.Ok(item);
    }

    /// <summary>Deletes the file, unless a page uses it: then nothing changes and the pages are returned.</summary>
    public async Task<(bool Deleted, IReadOnlyList<MediaUse> Uses)> DeleteAsync(int id, CancellationToken ct = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null) return (false, []);
        var uses = await usages.FindAsync(item.Url, ct, item.Id);
        if (uses.Count > 0) return (false, uses);
        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(ct);
        store.Delete(item.Url);
        return (true, []);
    }

    private const string AltRequired = "Vui lòng nhập văn bản thay thế cho ảnh (mô tả ngắn nội dung ảnh cho người khiếm thị).";

    private async Task<(StoredMedia? Stored, MediaKind Kind, (string Field, string Message)? Error)> StoreAsync(IFormFile? file, string? alt, MediaKind? required, CancellationToken ct)
    {
        var (bytes, unread) = await UploadReader.ReadAsync(file, "Vui lòng chọn tệp.", store.MaxBytes, ct: ct);
        if (bytes is null) return (null, default, ("Upload", unread!));
        var kind = MediaStore.DetectDocument(bytes, file!.FileName) is null ? MediaKind.Image : MediaKind.Document;
        if (required is { } r && r != kind)
            return (null, kind, ("Upload", r == MediaKind.Image ? "Tệp thay thế phải là ảnh, như tệp cũ." : "Tệp thay thế phải là tài liệu, như tệp cũ."));
        if (kind == MediaKind.Image && VietnameseText.Normalize(alt).Length == 0) return (null, kind, ("AltText", AltRequired));
        var (stored, error) = kind == MediaKind.Image
            ? await store.SaveImageAsync(new MemoryStream(bytes), bytes.Length, ct)
            : await store.SaveDocumentAsync(new MemoryStream(bytes), bytes.Length, file.FileName, ct);
        return stored is null ? (null, kind, ("Upload", error!)) : (stored, kind, null);
    }

    private static string SearchTextOf(MediaItem m) => VietnameseText.Fold($"{m.FileName} {m.Title} {m.AltText}");
}
