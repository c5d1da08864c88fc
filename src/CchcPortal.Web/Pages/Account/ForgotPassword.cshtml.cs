using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Features.Identity;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Account;

[EnableRateLimiting(PortalServiceExtensions.LoginLimit)]
public sealed class ForgotPasswordModel(PasswordResetMail resetMail) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập thư điện tử."), EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ."),
     StringLength(PortalUser.MaxEmail, ErrorMessage = "Thư điện tử không được dài quá {1} ký tự.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await resetMail.RequestAsync(Email, ct);
        Sent = true;
        return Page();
    }
}
