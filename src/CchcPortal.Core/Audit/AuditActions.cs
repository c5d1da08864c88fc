namespace CchcPortal.Core.Audit;

/// <summary>The actions the audit log records; the administrators' list filters on them.</summary>
public static class AuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignOut = "account.sign-out";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordResetRequested = "account.password-reset-requested";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorEnabled = "account.2fa-enabled";
    public const string TwoFactorDisabled = "account.2fa-disabled";
    public const string RecoveryCodesGenerated = "account.recovery-codes";
    public const string SignInThrottled = "account.sign-in-throttled";
    public const string RecoveryCodeUsed = "account.recovery-code-used";
    public const string SignedOutEverywhere = "account.signed-out-everywhere";
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserLocked = "user.locked";
    public const string SettingsChanged = "settings.changed";
    public const string CasePersonalDataViewed = "case.personal-data-viewed";
    public const string CaseChanged = "case.changed";
    public const string AttachmentDownloaded = "case.attachment-downloaded";
    public const string ContentChanged = "content.changed";
    public const string Exported = "export";
}
