using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages;

/// <summary>
/// The signed-in staff member's own security: turn on two-factor sign-in with a first code from the authenticator
/// app, see 10 recovery codes once (and make new ones), turn it off with a code, sign out of every device.
/// Administrators who must use two-factor sign-in are sent here until they have turned it on.
/// </summary>
public sealed class AccountSecurityModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit,
    TwoFactorRequirement requirement) : ManagerPageModel
{
    public const string Path = "/quan-tri/bao-mat-tai-khoan";
    private const int RecoveryCodeCount = 10;

    [BindProperty, StringLength(64, ErrorMessage = "Mã không hợp lệ.")] public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string QrSvg { get; private set; } = "";
    public string GroupedKey { get; private set; } = "";
    /// <summary>Only in the answer that made them: they are never shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await LoadAsync() is not { } user) return Challenge();
        if (Enabled) return RedirectToPage();
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Compact(Code)))
            return Refused(nameof(Code), "Mã xác thực không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng.");
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, user.UserName ?? "", "Bật xác thực hai bước.");
        await audit.RecordAsync(AuditActions.RecoveryCodesGenerated, user.UserName ?? "", $"{RecoveryCodeCount} mã khôi phục mới.");
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { } user) return Challenge();
        if (!Enabled) return RedirectToPage();
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await audit.RecordAsync(AuditActions.RecoveryCodesGenerated, user.UserName ?? "", $"{RecoveryCodeCount} mã khôi phục mới; các mã cũ hết hiệu lực.");
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await LoadAsync() is not { } user) return Challenge();
        if (!Enabled) return RedirectToPage();
        var code = Compact(Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            return Refused(nameof(Code), "Mã xác thực không đúng. Cần mã đang hiện trong ứng dụng để tắt xác thực hai bước.");
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the old one, still in the app, can no longer sign in.
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, user.UserName ?? "", "Tắt xác thực hai bước.");
        await signIn.RefreshSignInAsync(user);
        Flash("Đã tắt xác thực hai bước.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.SignedOutEverywhere, user.UserName ?? "", "Đăng xuất khỏi mọi thiết bị.");
        await signIn.SignOutAsync();
        return LocalRedirect("/tai-khoan/dang-nhap");
    }

    private IActionResult Refused(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<PortalUser?> LoadAsync(PortalUser? known = null)
    {
        var user = known ?? await users.GetUserAsync(User);
        if (user is null) return null;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = requirement.AppliesTo(User);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return user;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Making the key renews the security stamp: keep this session.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        QrSvg = AuthenticatorSetup.QrSvg(AuthenticatorSetup.Uri(user.Email ?? user.UserName ?? "", key));
        GroupedKey = AuthenticatorSetup.Grouped(key);
        return user;
    }

    private static string Compact(string code) => new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
