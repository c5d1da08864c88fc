using System.ComponentModel.DataAnnotations;
using CchcPortal.Web.Features.Identity;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Account;

[EnableRateLimiting(PortalServiceExtensions.LoginLimit)]
public sealed class LoginModel(StaffSignIn staffSignIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập thư điện tử."), EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>Set after a password reset, to say so above the form.</summary>
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var attempt = await staffSignIn.PasswordAsync(Email, Password, RememberMe);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl(Url, ReturnUrl), RememberMe });
            case SignInOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError("", ThrottledMessage(attempt));
                return Page();
            default:
                ModelState.AddModelError("", "Thư điện tử hoặc mật khẩu không đúng.");
                return Page();
        }
    }

    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/quan-tri";

    public static string ThrottledMessage(SignInAttempt attempt) =>
        $"Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau {attempt.RetryMinutes} phút.";
}
