using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Web.Features.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

/// <summary>Create and edit a post; save, publish now, schedule, unpublish, archive, delete.</summary>
public sealed class EditModel(
    PostService service, PostManagerQueries queries, PostQueries publicQueries, MediaStore media, MediaLibrary library, Core.Documents.ActivityReports activities, UserManager<PortalUser> users)
    : ManagerPageModel
{
    [BindProperty] public PostInput Input { get; set; } = new();
    [BindProperty] public IFormFile? FeaturedImageFile { get; set; }
    [BindProperty] public bool RemoveFeaturedImage { get; set; }
    /// <summary>Vietnam local time, as typed in the datetime-local field.</summary>
    [BindProperty] public DateTime? PublishAt { get; set; }

    public Post? Existing { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    /// <summary>The propaganda-plan activities this post reports on.</summary>
    [BindProperty] public List<int> ActivityIds { get; set; } = [];
    public IReadOnlyList<Core.Documents.ActivityOption> ActivityOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } postId)
        {
            Existing = await queries.GetAsync(postId, ct);
            if (Existing is null) return NotFound();
            Input = new PostInput
            {
                Title = Existing.Title, Slug = Existing.Slug, Summary = Existing.Summary, BodyHtml = Existing.BodyHtml,
                CategoryId = Existing.CategoryId, Tags = string.Join(", ", Existing.Tags.Select(t => t.Name)),
                FeaturedImage = Existing.FeaturedImage, FeaturedImageAlt = Existing.FeaturedImageAlt,
                SeoTitle = Existing.SeoTitle, SeoDescription = Existing.SeoDescription, IsFeatured = Existing.IsFeatured,
            };
            if (Existing.PublishedAt is { } at) PublishAt = VnFormat.ToLocal(at);
            ActivityIds = await activities.ForPostAsync(postId, ct);
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var post = await SaveAsync(id, ct);
        if (post is null) return await RedisplayAsync(id, ct);
        Flash("Đã lưu tin bài.");
        return RedirectToPage(new { id = post.Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct)
    {
        var post = await SaveAsync(id, ct);
        if (post is null) return await RedisplayAsync(id, ct);
        await service.PublishNowAsync(post.Id, ct);
        Flash("Đã lưu và đăng tin bài lên cổng thông tin.");
        return RedirectToPage(new { id = post.Id });
    }

    public async Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken ct)
    {
        if (PublishAt is null)
        {
            ModelState.AddModelError(nameof(PublishAt), "Vui lòng chọn thời điểm hẹn giờ đăng.");
            return await RedisplayAsync(id, ct);
        }
        var post = await SaveAsync(id, ct);
        if (post is null) return await RedisplayAsync(id, ct);
        var result = await service.ScheduleAsync(post.Id, VnFormat.ToUtc(PublishAt.Value), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return await RedisplayAsync(post.Id, ct);
        }
        Flash($"Đã hẹn giờ đăng lúc {VnFormat.DateTime(result.Value!.PublishedAt!.Value)}.");
        return RedirectToPage(new { id = post.Id });
    }

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        StatusActionAsync(id, service.UnpublishAsync, "Đã gỡ tin bài khỏi cổng thông tin (chuyển về bản nháp).", ct);

    public Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct) =>
        StatusActionAsync(id, service.ArchiveAsync, "Đã chuyển tin bài vào lưu trữ.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await service.DeleteAsync(id, ct);
        if (result.NotFound) return NotFound();
        Flash("Đã xóa tin bài.");
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> StatusActionAsync(int id, Func<int, CancellationToken, Task<OperationResult<Post>>> action, string message, CancellationToken ct)
    {
        var result = await action(id, ct);
        if (result.NotFound) return NotFound();
        Flash(message);
        return RedirectToPage(new { id });
    }

    /// <summary>Stores an uploaded image (if any) and saves the post; null with ModelState errors when invalid.</summary>
    private async Task<Post?> SaveAsync(int? id, CancellationToken ct)
    {
        if (FeaturedImageFile is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            var (stored, error) = await media.SaveImageAsync(stream, file.Length, ct);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(FeaturedImageFile), error);
                return null;
            }
            Input.FeaturedImage = stored!.Url;
            await library.RegisterAsync(stored, Core.Media.MediaKind.Image, file.FileName, Input.Title, Input.FeaturedImageAlt, ActorName, ct);
        }
        else if (RemoveFeaturedImage)
        {
            Input.FeaturedImage = null;
            Input.FeaturedImageAlt = null;
        }

        OperationResult<Post> result;
        if (id is { } postId)
        {
            result = await service.UpdateAsync(postId, Input, ActorName, ct);
            if (result.NotFound) { ModelState.AddModelError("", "Tin bài không còn tồn tại."); return null; }
        }
        else
        {
            var user = await users.GetUserAsync(User);
            result = await service.CreateAsync(Input, user?.Id, string.IsNullOrEmpty(user?.FullName) ? ActorName : user.FullName, ct);
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            return null;
        }
        await activities.SetForPostAsync(result.Value!.Id, ActivityIds, ct);
        return result.Value;
    }

    private async Task<IActionResult> RedisplayAsync(int? id, CancellationToken ct)
    {
        if (id is { } postId) Existing = await queries.GetAsync(postId, ct);
        await LoadListsAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Categories = await publicQueries.CategoriesAsync(ct);
        ActivityOptions = await activities.OptionsAsync(ct);
    }
}
