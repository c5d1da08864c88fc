using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends every session of this user, not only this browser's: a copied cookie stops working.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditActions.SignOut, user.UserName ?? "");
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
