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
    public const string UserUnlocked = "user.unlocked";
    public const string CaseEntered = "case.entered";
    public const string OutboxRetried = "outbox.retried";
    public const string SearchIndexRebuildRequested = "search.rebuild-requested";
    public const string SearchIndexRetried = "search.retried";
    public const string PageCommentsViewed = "page-feedback.comments-viewed";
    public const string PageCommentHandled = "page-feedback.comment-handled";
    public const string SurveyCommentReviewed = "survey.comment-reviewed";
    public const string SurveyFlagReviewed = "survey.flag-reviewed";
    public const string SurveyPublished = "survey.published-to-sipas";

    /// <summary>Vietnamese names of the actions, in the order the administrators' filter lists them.</summary>
    public static readonly IReadOnlyList<(string Action, string Label)> Labels =
    [
        (SignIn, "Đăng nhập"),
        (SignInFailed, "Đăng nhập thất bại"),
        (SignOut, "Đăng xuất"),
        (PasswordChanged, "Đổi mật khẩu"),
        (PasswordResetRequested, "Yêu cầu đặt lại mật khẩu"),
        (PasswordReset, "Đặt lại mật khẩu"),
        (TwoFactorEnabled, "Bật xác thực hai lớp"),
        (TwoFactorDisabled, "Tắt xác thực hai lớp"),
        (RecoveryCodesGenerated, "Tạo mã khôi phục"),
        (UserCreated, "Tạo tài khoản"),
        (UserChanged, "Sửa tài khoản"),
        (UserRolesChanged, "Đổi vai trò"),
        (UserLocked, "Khóa tài khoản"),
        (UserUnlocked, "Mở khóa tài khoản"),
        (SettingsChanged, "Đổi cài đặt"),
        (OutboxRetried, "Gửi lại thư"),
        (SearchIndexRebuildRequested, "Xây dựng lại chỉ mục tìm kiếm"),
        (SearchIndexRetried, "Lập chỉ mục lại tài liệu lỗi"),
        (CaseEntered, "Nhập hồ sơ hỏi đáp"),
        (CaseChanged, "Xử lý hồ sơ hỏi đáp"),
        (CasePersonalDataViewed, "Xem thông tin cá nhân của hồ sơ"),
        (AttachmentDownloaded, "Tải tệp đính kèm của người dân"),
        (ContentChanged, "Thay đổi nội dung"),
        (Exported, "Xuất dữ liệu"),
        (PageCommentsViewed, "Xem góp ý về trang"),
        (PageCommentHandled, "Xử lý góp ý về trang"),
        (SurveyCommentReviewed, "Duyệt góp ý khảo sát hài lòng"),
        (SurveyFlagReviewed, "Xét phiếu khảo sát bị gắn cờ"),
        (SurveyPublished, "Công bố kết quả khảo sát vào SIPAS"),
    ];

    /// <summary>The Vietnamese name of <paramref name="action"/>, or the action itself when it has none.</summary>
    public static string Label(string action)
    {
        foreach (var (a, label) in Labels)
            if (a == action) return label;
        return action;
    }
}
