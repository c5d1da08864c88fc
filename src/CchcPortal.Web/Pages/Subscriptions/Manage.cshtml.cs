using CchcPortal.Core.Subscriptions;
using CchcPortal.Web.Features.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Subscriptions;

/// <summary>Every subscription of the address in the signed link, each with a button to leave, and one to leave all.</summary>
public sealed class ManageModel(SubscriptionService subscriptions, SubscriptionLinks links) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    public IReadOnlyList<FollowedTopic> Followed { get; private set; } = [];
    public bool Valid { get; private set; }
    public string? Message { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (links.ReadManage(Token) is { } email && (await subscriptions.ForAddressAsync(email, ct)).FirstOrDefault(f => f.SubscriptionId == id) is { } f)
        {
            await subscriptions.UnsubscribeAsync(id, ct);
            Message = $"Đã hủy theo dõi “{f.Topic.Name}”.";
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAllAsync(CancellationToken ct)
    {
        if (links.ReadManage(Token) is { } email)
        {
            var count = await subscriptions.UnsubscribeAllAsync(email, ct);
            Message = count > 0 ? "Đã hủy mọi đăng ký và xóa địa chỉ của bạn." : null;
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (links.ReadManage(Token) is not { } email)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Valid = true;
        Followed = await subscriptions.ForAddressAsync(email, ct);
        return Page();
    }
}
