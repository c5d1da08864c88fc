using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Account;

[EnableRateLimiting(PortalServiceExtensions.LoginLimit)]
public sealed class LoginModel(SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập thư điện tử."), EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/quan-tri");
        ModelState.AddModelError("", result.IsLockedOut
            ? "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."
            : "Thư điện tử hoặc mật khẩu không đúng.");
        return Page();
    }
}
