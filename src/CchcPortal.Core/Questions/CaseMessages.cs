using System.Text;
using CchcPortal.Core.Notifications;

namespace CchcPortal.Core.Questions;

/// <summary>A message ready for the outbox.</summary>
public sealed record MailDraft(string To, string Subject, string Body, string Purpose);

/// <summary>A member of staff who receives case mail.</summary>
public sealed record MailRecipient(string Email, string Name)
{
    /// <summary>The account, when the recipient is a user (keys the daily digest).</summary>
    public string UserId { get; init; } = "";
}

/// <summary>One line of an overdue digest.</summary>
public sealed record OverdueItem(int Id, string Code, string Title, CaseStatus Status, DateOnly Due, int WorkingDaysLate);

/// <summary>
/// The plain-text e-mails of the question workflow, in Vietnamese. Rules: the secret appears only in the
/// confirmation to the citizen right after submission; staff mail never carries the citizen's name or contacts
/// (staff open the case in the manager); nobody's mail names another member of the public.
/// </summary>
public sealed class CaseMessages(MailLinks links, string signature)
{
    public const string PurposeSubmitted = "case-submitted";
    public const string PurposeAccepted = "case-accepted";
    public const string PurposeRejected = "case-rejected";
    public const string PurposeNeedsInformation = "case-needs-information";
    public const string PurposeAnswered = "case-answered";
    public const string PurposeAssigned = "case-assigned";
    public const string PurposeAwaitingApproval = "case-awaiting-approval";
    public const string PurposeReturned = "case-returned";
    public const string PurposeInformationProvided = "case-information-provided";
    public const string PurposeWithdrawn = "case-withdrawn";
    public const string PurposeOverdueDigest = "overdue-digest";
    public const string PurposeModerationDigest = "moderation-overdue-digest";

    public MailDraft? Submitted(QuestionCase c, string secret)
    {
        if (!HasEmail(c)) return null;
        var body = Citizen(c)
            .AppendLine($"{Sender} đã nhận được {KindText(c.Kind)} của Ông/Bà với tiêu đề: \"{c.Title}\".")
            .AppendLine()
            .AppendLine($"Mã hồ sơ: {c.Code}")
            .AppendLine($"Mã bí mật: {secret}")
            .AppendLine()
            .AppendLine("Ông/Bà dùng mã hồ sơ và mã bí mật để theo dõi tình trạng xử lý, bổ sung thông tin khi được yêu cầu hoặc rút hồ sơ tại:")
            .AppendLine(links.Tracking(c.Code))
            .AppendLine("Vui lòng giữ kín mã bí mật: người có mã này xem được hồ sơ của Ông/Bà. Mã bí mật chỉ được gửi một lần trong thư này.")
            .AppendLine()
            .AppendLine($"Hồ sơ sẽ được xem xét tiếp nhận chậm nhất ngày {Day(c.ModerationDue)}.");
        return Draft(c.SubmitterEmail, $"[{c.Code}] Xác nhận đã nhận {KindText(c.Kind)}", body, PurposeSubmitted);
    }

    /// <summary>The citizen's mail for a staff move, or null when that move is not reported to the citizen.</summary>
    public MailDraft? ToCitizen(QuestionCase c, CaseAction action, string note)
    {
        if (!HasEmail(c)) return null;
        var body = Citizen(c);
        string subject, purpose;
        switch (action)
        {
            case CaseAction.Accept:
                subject = $"[{c.Code}] Hồ sơ đã được tiếp nhận";
                purpose = PurposeAccepted;
                body.AppendLine($"{Sender} đã tiếp nhận {KindText(c.Kind)} \"{c.Title}\" (mã hồ sơ {c.Code}).")
                    .AppendLine("Hồ sơ sẽ được chuyển đến cơ quan có thẩm quyền để xem xét, trả lời theo quy định.");
                break;
            case CaseAction.Reject or CaseAction.Merge:
                subject = $"[{c.Code}] Hồ sơ không được tiếp nhận";
                purpose = PurposeRejected;
                body.AppendLine($"{Sender} rất tiếc thông báo {KindText(c.Kind)} \"{c.Title}\" (mã hồ sơ {c.Code}) không được tiếp nhận.")
                    .AppendLine($"Lý do: {RejectionText(c)}");
                if (c.RejectionReason == RejectionReason.Duplicate && c.DuplicateOfCode.Length > 0)
                    body.AppendLine($"Câu trả lời cho hồ sơ {c.DuplicateOfCode}, khi được công bố, có tại: {links.PublicAnswer(c.DuplicateOfCode)}");
                break;
            case CaseAction.RequestInformation:
                subject = $"[{c.Code}] Đề nghị bổ sung thông tin";
                purpose = PurposeNeedsInformation;
                body.AppendLine($"Để trả lời {KindText(c.Kind)} \"{c.Title}\" (mã hồ sơ {c.Code}), cơ quan xử lý đề nghị Ông/Bà bổ sung thông tin sau:")
                    .AppendLine()
                    .AppendLine(note)
                    .AppendLine()
                    .AppendLine("Ông/Bà vui lòng bổ sung tại trang tra cứu hồ sơ (nhập mã hồ sơ và mã bí mật đã được cấp khi gửi):")
                    .AppendLine(links.Tracking(c.Code))
                    .AppendLine("Thời gian chờ Ông/Bà bổ sung không tính vào thời hạn trả lời.");
                break;
            case CaseAction.Approve:
                subject = $"[{c.Code}] Đã có câu trả lời";
                purpose = PurposeAnswered;
                body.AppendLine($"{KindText(c.Kind, capital: true)} \"{c.Title}\" (mã hồ sơ {c.Code}) đã được trả lời.");
                if (c.IsPublished)
                    body.AppendLine("Nội dung trả lời được công bố (không kèm thông tin cá nhân của Ông/Bà) tại:").AppendLine(links.PublicAnswer(c.Code));
                else
                    body.AppendLine("Nội dung trả lời không công khai; Ông/Bà xem tại trang tra cứu hồ sơ (nhập mã hồ sơ và mã bí mật):").AppendLine(links.Tracking(c.Code));
                if (c.AnswerFiles.Any())
                    body.AppendLine($"Cơ quan gửi kèm câu trả lời {c.AnswerFiles.Count()} tệp; Ông/Bà xem và tải về tại trang tra cứu hồ sơ (nhập mã hồ sơ và mã bí mật):").AppendLine(links.Tracking(c.Code));
                break;
            default:
                return null;
        }
        if (action != CaseAction.RequestInformation && action != CaseAction.Approve)
            body.AppendLine().AppendLine("Ông/Bà theo dõi hồ sơ tại (nhập mã hồ sơ và mã bí mật):").AppendLine(links.Tracking(c.Code));
        return Draft(c.SubmitterEmail, subject, body, purpose);
    }

    /// <summary>To the citizen of a duplicate merged into <paramref name="original"/>, once the original's answer is published.</summary>
    public MailDraft? DuplicateAnswered(QuestionCase duplicate, QuestionCase original)
    {
        if (!HasEmail(duplicate) || !original.IsPublished) return null;
        var body = Citizen(duplicate);
        body.AppendLine($"{KindText(duplicate.Kind, capital: true)} \"{duplicate.Title}\" (mã hồ sơ {duplicate.Code}) trùng nội dung nên đã được gộp vào hồ sơ {original.Code}.")
            .AppendLine($"Hồ sơ {original.Code} đã được trả lời; nội dung trả lời được công bố tại:").AppendLine(links.PublicAnswer(original.Code));
        return Draft(duplicate.SubmitterEmail, $"[{duplicate.Code}] Đã có câu trả lời cho nội dung Ông/Bà gửi", body, PurposeAnswered);
    }

    /// <summary>Mail to staff for a move, or null when the move concerns no one in the agency.</summary>
    public MailDraft? ToStaff(QuestionCase c, CaseAction action, string agencyName, MailRecipient to, string note)
    {
        var body = Staff(to);
        string subject, purpose;
        switch (action)
        {
            case CaseAction.Assign or CaseAction.Reassign:
                subject = $"[{c.Code}] Hồ sơ mới chuyển đến {agencyName}";
                purpose = PurposeAssigned;
                body.AppendLine($"Hồ sơ {c.Code} ({KindText(c.Kind)}) đã được chuyển đến {agencyName} để xem xét, trả lời.")
                    .AppendLine($"Tiêu đề: {c.Title}");
                AppendDue(body, c, "Hạn trả lời");
                break;
            case CaseAction.SubmitForApproval:
                subject = $"[{c.Code}] Dự thảo trả lời chờ duyệt";
                purpose = PurposeAwaitingApproval;
                body.AppendLine($"Dự thảo trả lời hồ sơ {c.Code} (\"{c.Title}\") của {agencyName} đang chờ Thủ trưởng duyệt.");
                AppendDue(body, c, "Hạn trả lời");
                break;
            case CaseAction.ReturnToDrafting:
                subject = $"[{c.Code}] Dự thảo trả lời được trả lại";
                purpose = PurposeReturned;
                body.AppendLine($"Thủ trưởng đã trả lại dự thảo trả lời hồ sơ {c.Code} để soạn lại, với ý kiến:").AppendLine(note);
                break;
            case CaseAction.ProvideInformation:
                subject = $"[{c.Code}] Người gửi đã bổ sung thông tin";
                purpose = PurposeInformationProvided;
                body.AppendLine($"Người gửi hồ sơ {c.Code} (\"{c.Title}\") đã bổ sung thông tin theo đề nghị; hồ sơ trở lại trạng thái chờ xử lý.");
                AppendDue(body, c, "Hạn trả lời (đã cộng thời gian chờ bổ sung)");
                break;
            case CaseAction.Withdraw:
                subject = $"[{c.Code}] Người gửi đã rút hồ sơ";
                purpose = PurposeWithdrawn;
                body.AppendLine($"Người gửi đã rút hồ sơ {c.Code} (\"{c.Title}\"). Cơ quan không cần tiếp tục xử lý hồ sơ này.");
                break;
            default:
                return null;
        }
        body.AppendLine().AppendLine("Xem hồ sơ trên trang quản trị (cần đăng nhập):").AppendLine(links.ManagerCase(c.Id));
        return Draft(to.Email, subject, body, purpose, staff: true);
    }

    public MailDraft OverdueDigest(MailRecipient to, string agencyName, DateOnly today, IReadOnlyList<OverdueItem> items)
    {
        var body = Staff(to).AppendLine($"Đến ngày {Day(today)}, {agencyName} có {items.Count} hồ sơ quá hạn trả lời:").AppendLine();
        AppendItems(body, items);
        body.AppendLine("Đề nghị Thủ trưởng chỉ đạo xử lý, trả lời các hồ sơ trên. Danh sách hồ sơ:").AppendLine(links.ManagerQueue);
        return Draft(to.Email, $"Hồ sơ quá hạn trả lời ngày {Day(today)}: {items.Count} hồ sơ", body, PurposeOverdueDigest, staff: true);
    }

    public MailDraft ModerationDigest(MailRecipient to, DateOnly today, IReadOnlyList<OverdueItem> items)
    {
        var body = Staff(to).AppendLine($"Đến ngày {Day(today)}, có {items.Count} hồ sơ quá hạn tiếp nhận (chưa được kiểm duyệt):").AppendLine();
        AppendItems(body, items);
        body.AppendLine("Hàng chờ kiểm duyệt:").AppendLine(links.ManagerQueue);
        return Draft(to.Email, $"Hồ sơ quá hạn tiếp nhận ngày {Day(today)}: {items.Count} hồ sơ", body, PurposeModerationDigest, staff: true);
    }

    private void AppendItems(StringBuilder body, IReadOnlyList<OverdueItem> items)
    {
        var n = 0;
        foreach (var i in items)
        {
            body.AppendLine($"{++n}. {i.Code} - {i.Title}")
                .AppendLine($"   Trạng thái: {CaseWorkflow.StatusText(i.Status)}; hạn {Day(i.Due)}, quá {i.WorkingDaysLate} ngày làm việc")
                .AppendLine($"   {links.ManagerCase(i.Id)}");
        }
        body.AppendLine();
    }

    private static void AppendDue(StringBuilder body, QuestionCase c, string label)
    {
        if (c.AnswerDue is { } due) body.AppendLine($"{label}: {Day(due)}");
    }

    private string Sender => signature.Length > 0 ? signature : "Cổng thông tin cải cách hành chính";

    private static bool HasEmail(QuestionCase c) => c.SubmitterEmail.Contains('@');

    private static StringBuilder Citizen(QuestionCase c) =>
        new StringBuilder().AppendLine(c.SubmitterName.Length > 0 ? $"Kính gửi Ông/Bà {c.SubmitterName}," : "Kính gửi Ông/Bà,").AppendLine();

    private static StringBuilder Staff(MailRecipient to) =>
        new StringBuilder().AppendLine(to.Name.Length > 0 ? $"Kính gửi đồng chí {to.Name}," : "Kính gửi đồng chí,").AppendLine();

    private MailDraft Draft(string to, string subject, StringBuilder body, string purpose, bool staff = false)
    {
        body.AppendLine().AppendLine("Trân trọng,").AppendLine(Sender).AppendLine()
            .AppendLine(staff
                ? "(Thư gửi tự động từ hệ thống tiếp nhận, trả lời câu hỏi, phản ánh. Thông tin cá nhân của người gửi chỉ xem trên trang quản trị.)"
                : "(Thư gửi tự động, vui lòng không trả lời thư này.)");
        return new MailDraft(to.Trim(), subject, body.ToString(), purpose);
    }

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string KindText(CaseKind kind, bool capital = false)
    {
        var text = kind switch
        {
            CaseKind.RegulationFeedback => "phản ánh, kiến nghị về quy định hành chính",
            CaseKind.ConductFeedback => "phản ánh về thái độ, hành vi của cán bộ",
            _ => "câu hỏi",
        };
        return capital ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static string RejectionText(QuestionCase c) => c.RejectionReason switch
    {
        RejectionReason.Spam => "nội dung không phù hợp (quảng cáo, thư rác hoặc không có nội dung cần trả lời).",
        RejectionReason.Duplicate => $"nội dung trùng với hồ sơ {c.DuplicateOfCode} đã được tiếp nhận.",
        RejectionReason.OutOfScope => "nội dung không thuộc phạm vi tiếp nhận, trả lời của chuyên mục.",
        RejectionReason.ComplaintOrDenunciation =>
            "nội dung là khiếu nại hoặc tố cáo, được giải quyết theo Luật Khiếu nại, Luật Tố cáo. Ông/Bà vui lòng gửi đơn đến cơ quan có thẩm quyền hoặc Ban Tiếp công dân để được hướng dẫn, giải quyết theo quy định.",
        _ => "nội dung không đáp ứng yêu cầu tiếp nhận.",
    };
}
