using CchcPortal.Core.Identity;
using CchcPortal.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

public sealed class IndexModel(SiteSettingsService settings, UserManager<PortalUser> users) : ManagerPageModel
{
    [BindProperty] public SiteSettings Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = await settings.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await settings.UpdateAsync(Input, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // Approval with nobody holding the role is allowed (administrators approve), but rarely what was meant.
        Flash(Input.RequireNewsApproval && (await users.GetUsersInRoleAsync(PortalRoles.Approver)).Count == 0
            ? "Đã lưu cài đặt. Lưu ý: chưa có tài khoản nào giữ vai trò Trưởng ban biên tập, nên hiện chỉ quản trị hệ thống duyệt và đăng được tin; hãy giao vai trò này ở mục Người dùng."
            : "Đã lưu cài đặt.");
        return RedirectToPage();
    }
}
