using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News;

/// <summary>
/// Writes posts: validation, sanitizing, slugs, revisions and publication state. Every write records a
/// <see cref="ContentChange"/> in the same SaveChanges (one transaction) and notifies listeners after commit.
/// </summary>
public sealed class PostService(
    PortalDbContext db,
    RichTextSanitizer sanitizer,
    TimeProvider time,
    ChangeFeed feed,
    Media.BodyImageCheck bodyImages,
    Media.VideoReferenceCheck videos)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<OperationResult<Post>> CreateAsync(PostInput input, string? authorId, string authorName, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Any) return OperationResult<Post>.Invalid(errors);

        var post = new Post { CreatedAt = Now, Status = PublicationStatus.Draft, AuthorId = authorId, AuthorName = authorName };
        await ApplyAsync(post, input, ct);
        post.Slug = await UniqueSlugAsync(string.IsNullOrWhiteSpace(input.Slug) ? post.Title : input.Slug, null, ct);
        db.Posts.Add(post);
        post.Revisions.Add(Snapshot(post, authorName));
        await SaveWithChangeAsync(post, ct);
        return OperationResult<Post>.Ok(post);
    }

    public Task<OperationResult<Post>> UpdateAsync(int id, PostInput input, string authorName, CancellationToken ct = default) =>
        UpdateAsync(id, input, authorName, null, ct);

    /// <param name="beforeSave">Changes saved in the same transaction as the edit (the workflow's move, its e-mails).</param>
    public async Task<OperationResult<Post>> UpdateAsync(int id, PostInput input, string authorName, Func<Post, Task>? beforeSave, CancellationToken ct = default)
    {
        var post = await LoadAsync(id, ct);
        if (post is null) return OperationResult<Post>.Missing();
        var errors = await ValidateAsync(input, id, ct);
        if (errors.Any) return OperationResult<Post>.Invalid(errors);

        await ApplyAsync(post, input, ct);
        if (!string.IsNullOrWhiteSpace(input.Slug) && input.Slug.Trim() != post.Slug)
            post.Slug = await UniqueSlugAsync(input.Slug, id, ct);
        db.PostRevisions.Add(Snapshot(post, authorName));
        if (beforeSave is not null) await beforeSave(post);
        await SaveWithChangeAsync(post, ct);
        return OperationResult<Post>.Ok(post);
    }

    public async Task<OperationResult<Post>> PublishNowAsync(int id, CancellationToken ct = default)
    {
        var post = await db.Posts.FindAsync([id], ct);
        if (post is null) return OperationResult<Post>.Missing();
        post.Status = PublicationStatus.Published;
        // Re-publishing keeps the original date; a first publication (or a pending schedule) takes "now".
        if (post.PublishedAt is null || post.PublishedAt > Now) post.PublishedAt = Now;
        await SaveWithChangeAsync(post, ct);
        return OperationResult<Post>.Ok(post);
    }

    public async Task<OperationResult<Post>> ScheduleAsync(int id, DateTime publishAtUtc, CancellationToken ct = default)
    {
        var post = await db.Posts.FindAsync([id], ct);
        if (post is null) return OperationResult<Post>.Missing();
        if (publishAtUtc <= Now)
            return OperationResult<Post>.Fail("PublishAt", "Thời điểm hẹn giờ đăng phải ở tương lai.");
        post.Status = PublicationStatus.Scheduled;
        post.PublishedAt = DateTime.SpecifyKind(publishAtUtc, DateTimeKind.Utc);
        await SaveWithChangeAsync(post, ct);
        return OperationResult<Post>.Ok(post);
    }

    public Task<OperationResult<Post>> UnpublishAsync(int id, CancellationToken ct = default) =>
        SetStatusAsync(id, PublicationStatus.Draft, ct);

    public Task<OperationResult<Post>> ArchiveAsync(int id, CancellationToken ct = default) =>
        SetStatusAsync(id, PublicationStatus.Archived, ct);

    /// <summary>What an editor would submit to bring back a revision; null when the post or revision is missing.</summary>
    public async Task<PostInput?> InputFromRevisionAsync(int postId, int revisionId, CancellationToken ct = default)
    {
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
        var revision = await db.PostRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.PostId == postId, ct);
        if (post is null || revision is null) return null;
        return new PostInput
        {
            Title = revision.Title,
            Summary = revision.Summary,
            BodyHtml = revision.BodyHtml,
            CategoryId = await db.Categories.AnyAsync(c => c.Id == revision.CategoryId, ct) ? revision.CategoryId : post.CategoryId,
            Tags = revision.TagNames,
            FeaturedImage = revision.FeaturedImage,
            FeaturedImageAlt = revision.FeaturedImageAlt,
            SeoTitle = revision.SeoTitle,
            SeoDescription = revision.SeoDescription,
            IsFeatured = post.IsFeatured,
        };
    }

    public async Task<OperationResult<Post>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var post = await db.Posts.FindAsync([id], ct);
        if (post is null) return OperationResult<Post>.Missing();
        db.Posts.Remove(post);
        feed.Record(ContentKinds.News, id, ChangeOperation.Delete, "delete");
        await db.SaveChangesAsync(ct);
        return OperationResult<Post>.Ok(post);
    }

    /// <summary>The earliest pending schedule, so the scheduler can sleep until then.</summary>
    public Task<DateTime?> NextScheduledAsync(CancellationToken ct = default) =>
        db.Posts.Where(p => p.Status == PublicationStatus.Scheduled)
            .OrderBy(p => p.PublishedAt).Select(p => p.PublishedAt).FirstOrDefaultAsync(ct);

    private async Task<OperationResult<Post>> SetStatusAsync(int id, PublicationStatus status, CancellationToken ct)
    {
        var post = await db.Posts.FindAsync([id], ct);
        if (post is null) return OperationResult<Post>.Missing();
        post.Status = status;
        if (status == PublicationStatus.Draft && post.PublishedAt > Now) post.PublishedAt = null;
        await SaveWithChangeAsync(post, ct);
        return OperationResult<Post>.Ok(post);
    }

    private Task<Post?> LoadAsync(int id, CancellationToken ct) =>
        db.Posts.Include(p => p.Tags).FirstOrDefaultAsync(p => p.Id == id, ct);

    private async Task<ValidationErrors> ValidateAsync(PostInput input, int? id, CancellationToken ct)
    {
        var errors = input.Validate();
        if (input.CategoryId > 0 && !await db.Categories.AnyAsync(c => c.Id == input.CategoryId, ct))
            errors.Add(nameof(PostInput.CategoryId), "Chuyên mục đã chọn không tồn tại.");
        if (!string.IsNullOrWhiteSpace(input.Slug)
            && await db.Posts.AnyAsync(p => p.Slug == input.Slug.Trim() && p.Id != id, ct))
            errors.Add(nameof(PostInput.Slug), "Đường dẫn này đã được bài viết khác sử dụng.");
        input.BodyHtml = await bodyImages.CheckAsync(input.BodyHtml, errors, nameof(PostInput.BodyHtml), ct);
        foreach (var (field, message) in (await videos.CheckAsync(nameof(PostInput.BodyHtml), input.BodyHtml, ct)).All) errors.Add(field, message);
        return errors;
    }

    private async Task ApplyAsync(Post post, PostInput input, CancellationToken ct)
    {
        post.Title = VietnameseText.Normalize(input.Title);
        post.Summary = VietnameseText.Normalize(input.Summary);
        post.BodyHtml = sanitizer.Sanitize(input.BodyHtml);
        if (post.Summary.Length == 0)
            post.Summary = HtmlText.Truncate(HtmlText.ToPlainText(post.BodyHtml), 300);
        post.SearchText = VietnameseText.Fold(post.Title + " " + post.Summary);
        post.CategoryId = input.CategoryId;
        post.FeaturedImage = string.IsNullOrWhiteSpace(input.FeaturedImage) ? null : input.FeaturedImage.Trim();
        post.FeaturedImageAlt = VietnameseText.Normalize(input.FeaturedImageAlt) is { Length: > 0 } alt ? alt : null;
        post.SeoTitle = VietnameseText.Normalize(input.SeoTitle) is { Length: > 0 } st ? st : null;
        post.SeoDescription = VietnameseText.Normalize(input.SeoDescription) is { Length: > 0 } sd ? sd : null;
        post.IsFeatured = input.IsFeatured;
        post.UpdatedAt = Now;
        var wanted = new List<Tag>();
        foreach (var name in input.TagNames())
            wanted.Add(await FindOrCreateTagAsync(name, ct));
        // Change only what differs: removing and re-adding the same tag would churn the join table.
        post.Tags.RemoveAll(t => wanted.All(w => w.Slug != t.Slug));
        foreach (var tag in wanted.Where(w => post.Tags.All(t => t.Slug != w.Slug)))
            post.Tags.Add(tag);
    }

    private async Task<Tag> FindOrCreateTagAsync(string name, CancellationToken ct)
    {
        var slug = SlugGenerator.Slugify(name);
        if (slug.Length == 0) slug = "the";
        var tag = db.Tags.Local.FirstOrDefault(t => t.Slug == slug)
                  ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is not null) return tag;
        tag = new Tag { Name = name, Slug = slug };
        db.Tags.Add(tag);
        return tag;
    }

    private Task<string> UniqueSlugAsync(string? source, int? exceptId, CancellationToken ct) =>
        SlugGenerator.UniqueAsync(source, s => db.Posts.AnyAsync(p => p.Slug == s && p.Id != exceptId, ct));

    private PostRevision Snapshot(Post post, string authorName) => new()
    {
        CreatedAt = Now,
        AuthorName = authorName,
        Title = post.Title,
        Summary = post.Summary,
        BodyHtml = post.BodyHtml,
        CategoryId = post.CategoryId,
        TagNames = string.Join(", ", post.Tags.Select(t => t.Name)),
        FeaturedImage = post.FeaturedImage,
        FeaturedImageAlt = post.FeaturedImageAlt,
        SeoTitle = post.SeoTitle,
        SeoDescription = post.SeoDescription,
        PostId = post.Id,
    };

    internal async Task SaveWithChangeAsync(Post post, CancellationToken ct)
    {
        post.UpdatedAt = Now;
        // A new post's row takes its id at the insert.
        feed.Record(ContentKinds.News, post, ChangeOperation.Upsert, post.Status.ToString());
        await db.SaveChangesAsync(ct);
    }
}
