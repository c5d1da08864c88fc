using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Pages.Account;

/// <summary>
/// The second sign-in step, after a right password (Identity's two-factor cookie names the account): a code from
/// the authenticator app or, on its own page, a recovery code. Without that cookie both send back to the sign-in.
/// </summary>
[EnableRateLimiting(PortalServiceExtensions.LoginLimit)]
public abstract class TwoFactorStepModel(SignInManager<PortalUser> signIn, StaffSignIn staffSignIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mã."), StringLength(64, ErrorMessage = "Mã không hợp lệ.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    protected abstract bool Recovery { get; }
    protected abstract string WrongCode { get; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("Login");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var attempt = await staffSignIn.CodeAsync(user, Code, RememberMe, Recovery);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
            case SignInOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError("", LoginModel.ThrottledMessage(attempt));
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                ModelState.AddModelError(nameof(Code), WrongCode);
                return Page();
        }
    }
}
