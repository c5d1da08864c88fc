using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Account;

/// <summary>The link of the reset mail: a new password, twice. Resetting renews the security stamp: every session ends, the link is spent.</summary>
[EnableRateLimiting(PortalServiceExtensions.LoginLimit)]
public sealed class ResetPasswordModel(UserManager<PortalUser> users, AuditLog audit) : PageModel
{
    private const string InvalidLink = "Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Vui lòng yêu cầu liên kết mới.";

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu mới."), StringLength(PortalUser.MaxPassword, ErrorMessage = "Mật khẩu không được dài quá {1} ký tự.")]
    public string NewPassword { get; set; } = "";

    [BindProperty, Compare(nameof(NewPassword), ErrorMessage = "Mật khẩu nhập lại không khớp.")]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (!ModelState.IsValid) return Page();
        var user = Id.Length is > 0 and <= 64 && Token.Length is > 0 and <= 2000 ? await users.FindByIdAsync(Id) : null;
        if (user is null)
        {
            ModelState.AddModelError("", InvalidLink);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "InvalidToken" ? "" : nameof(NewPassword), e.Code == "InvalidToken" ? InvalidLink : e.Description);
            return Page();
        }
        await audit.RecordForAsync(user.Id, user.UserName ?? "", AuditActions.PasswordReset, summary: "Đặt lại mật khẩu qua liên kết gửi thư.");
        return RedirectToPage("Login", new { Reset = true });
    }
}
