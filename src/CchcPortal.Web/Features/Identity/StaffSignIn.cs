using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Features.Identity;

public enum SignInOutcome { SignedIn, RequiresTwoFactor, Failed, Throttled }

public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan RetryAfter = default)
{
    /// <summary>Whole minutes to tell the user, at least one.</summary>
    public int RetryMinutes => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
}

/// <summary>
/// The sign-in steps of the staff (password, then an authenticator or recovery code), each throttled per typed
/// account and client address and recorded in the audit log. An unknown e-mail costs the same password hash check as
/// a known one and gets the same answer; the throttle never asks whether the account exists.
/// </summary>
public sealed class StaffSignIn(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher,
    ISignInThrottle throttle, AuditLog audit, IAuditActor actor)
{
    private static string? _dummyHash;

    public async Task<SignInAttempt> PasswordAsync(string email, string password, bool remember)
    {
        var typed = email.Trim();
        if (await ThrottledAsync(typed, typed) is { } throttled) return throttled;
        var user = await users.FindByEmailAsync(typed);
        if (user is null)
        {
            // The same work as a wrong password, so the answer's timing does not tell whether the account exists.
            var dummy = new PortalUser();
            hasher.VerifyHashedPassword(dummy, _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString()), password);
            return await FailedAsync(typed, null, typed, "Sai thư điện tử hoặc mật khẩu.");
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(typed, actor.Address);
            return new(SignInOutcome.RequiresTwoFactor);
        }
        if (!result.Succeeded) return await FailedAsync(typed, user.Id, typed, "Sai thư điện tử hoặc mật khẩu.");
        await throttle.SucceededAsync(typed, actor.Address);
        await audit.RecordForAsync(user.Id, user.UserName ?? typed, AuditActions.SignIn, summary: "Mật khẩu.");
        return new(SignInOutcome.SignedIn);
    }

    /// <summary>The second step, for the account whose password was right (Identity's two-factor cookie).</summary>
    public async Task<SignInAttempt> CodeAsync(PortalUser user, string code, bool remember, bool recovery)
    {
        var key = "2fa:" + user.Id;
        var name = user.UserName ?? "";
        if (await ThrottledAsync(key, name) is { } throttled) return throttled;
        // Recovery codes are stored as "XXXXX-XXXXX" in capitals; authenticator codes are digits, often typed "123 456".
        var compact = recovery
            ? new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant()
            : new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var result = compact.Length is 0 or > 64 ? SignInResult.Failed
            : recovery ? await signIn.TwoFactorRecoveryCodeSignInAsync(compact)
            : await signIn.TwoFactorAuthenticatorSignInAsync(compact, remember, rememberClient: false);
        if (!result.Succeeded)
            return await FailedAsync(key, user.Id, name, recovery ? "Sai mã khôi phục." : "Sai mã xác thực hai bước.");
        await throttle.SucceededAsync(key, actor.Address);
        if (recovery)
            await audit.RecordForAsync(user.Id, name, AuditActions.RecoveryCodeUsed,
                summary: $"Còn {await users.CountRecoveryCodesAsync(user)} mã khôi phục.");
        await audit.RecordForAsync(user.Id, name, AuditActions.SignIn, summary: recovery ? "Mật khẩu và mã khôi phục." : "Mật khẩu và mã xác thực.");
        return new(SignInOutcome.SignedIn);
    }

    private async Task<SignInAttempt?> ThrottledAsync(string key, string userName)
    {
        var wait = await throttle.RetryAfterAsync(key, actor.Address);
        if (wait <= TimeSpan.Zero) return null;
        await audit.RecordForAsync(null, userName, AuditActions.SignInThrottled, summary: $"Phải chờ {wait.TotalSeconds:0} giây.");
        return new(SignInOutcome.Throttled, wait);
    }

    private async Task<SignInAttempt> FailedAsync(string key, string? userId, string userName, string summary)
    {
        await throttle.FailedAsync(key, actor.Address);
        await audit.RecordForAsync(userId, userName, AuditActions.SignInFailed, summary: summary);
        return new(SignInOutcome.Failed);
    }
}
