using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages;

public sealed class ChangePasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit) : ManagerPageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")] public string CurrentPassword { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu mới."), StringLength(PortalUser.MaxPassword, ErrorMessage = "Mật khẩu không được dài quá {1} ký tự.")] public string NewPassword { get; set; } = "";
    [BindProperty, Compare(nameof(NewPassword), ErrorMessage = "Mật khẩu nhập lại không khớp.")] public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword), e.Description);
            return Page();
        }
        await audit.RecordAsync(AuditActions.PasswordChanged, user.UserName ?? "", "Đổi mật khẩu; các phiên khác đã kết thúc.");
        await signIn.RefreshSignInAsync(user);
        Flash("Đã đổi mật khẩu.");
        return RedirectToPage("Index");
    }
}
