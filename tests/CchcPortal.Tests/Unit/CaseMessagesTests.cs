using CchcPortal.Core.Notifications;
using CchcPortal.Core.Questions;

namespace CchcPortal.Tests.Unit;

public class CaseMessagesTests
{
    private static readonly CaseMessages Messages = new(new MailLinks(new CchcPortal.Core.Common.PublicAddress("https://cchc.example.gov.vn/")), "Văn phòng UBND tỉnh");

    private static QuestionCase Case(string email = "nguoigui@example.vn") => new()
    {
        Id = 42, Code = "HD-2026-000042", Kind = CaseKind.Question, Title = "Hỏi về cấp lại căn cước",
        Content = "Tôi tên Võ Văn Tám, số điện thoại 0913 000 111, mất căn cước, xin hỏi thủ tục cấp lại.",
        SubmitterName = "Võ Văn Tám", SubmitterPhone = "0913 000 111", SubmitterEmail = email, SubmitterArea = "Xã Ea Kar",
        ModerationDue = new DateOnly(2026, 11, 27), AnswerDue = new DateOnly(2026, 12, 10), AssignedAt = new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc),
        Status = CaseStatus.Assigned, ConsentToPublish = true,
    };

    [Fact]
    public void The_confirmation_carries_code_secret_and_tracking_link_to_the_citizen_only()
    {
        var mail = Messages.Submitted(Case(), "0123456789abcdef")!;
        Assert.Equal("nguoigui@example.vn", mail.To);
        Assert.Contains("HD-2026-000042", mail.Subject);
        Assert.Contains("Mã bí mật: 0123456789abcdef", mail.Body);
        Assert.Contains("https://cchc.example.gov.vn/hoi-dap/tra-cuu", mail.Body);
        Assert.Contains("27/11/2026", mail.Body);
        Assert.Null(Messages.Submitted(Case(email: ""), "0123456789abcdef"));
    }

    [Fact]
    public void Later_mail_never_carries_a_secret_and_staff_mail_no_contact_of_the_citizen()
    {
        var c = Case();
        var staff = new MailRecipient("canbo@so.gov.vn", "Nguyễn Cán Bộ");
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            if (Messages.ToCitizen(c, action, "Cho biết số căn cước cũ.") is { } citizen)
            {
                Assert.Equal("nguoigui@example.vn", citizen.To);
                Assert.DoesNotContain("Mã bí mật:", citizen.Body);
                Assert.Contains("HD-2026-000042", citizen.Subject);
            }
            if (Messages.ToStaff(c, action, "Sở Tư pháp", staff, "Bổ sung căn cứ.") is { } toStaff)
            {
                Assert.Equal("canbo@so.gov.vn", toStaff.To);
                foreach (var personal in new[] { "Võ Văn Tám", "0913 000 111", "nguoigui@example.vn", "Xã Ea Kar", "mất căn cước" })
                    Assert.DoesNotContain(personal, toStaff.Body);
                Assert.Contains("https://cchc.example.gov.vn/quan-tri/hoi-dap/42", toStaff.Body);
            }
        }
        Assert.Null(Messages.ToCitizen(c, CaseAction.StartDrafting, ""));
        Assert.Null(Messages.ToCitizen(c, CaseAction.Assign, ""));
        Assert.Null(Messages.ToStaff(c, CaseAction.Accept, "Sở Tư pháp", staff, ""));
        Assert.Null(Messages.ToCitizen(Case(email: ""), CaseAction.Accept, ""));
    }

    [Fact]
    public void Rejection_gives_the_reason_and_for_a_duplicate_only_the_code_of_the_original()
    {
        var c = Case();
        c.RejectionReason = RejectionReason.Duplicate;
        c.DuplicateOfCode = "HD-2026-000007";
        var mail = Messages.ToCitizen(c, CaseAction.Reject, "ghi chú nội bộ")!;
        Assert.Contains("trùng với hồ sơ HD-2026-000007", mail.Body);
        Assert.Contains("https://cchc.example.gov.vn/hoi-dap/cau-hoi/HD-2026-000007", mail.Body);
        Assert.DoesNotContain("ghi chú nội bộ", mail.Body);
        Assert.Contains("https://cchc.example.gov.vn/hoi-dap/tra-cuu?ma=HD-2026-000042\n", mail.Body.ReplaceLineEndings("\n")); // the code only, never the secret

        c.RejectionReason = RejectionReason.ComplaintOrDenunciation;
        Assert.Contains("Luật Khiếu nại, Luật Tố cáo", Messages.ToCitizen(c, CaseAction.Reject, "")!.Body);
    }

    [Fact]
    public void Needs_information_quotes_the_request_and_answered_links_to_the_public_answer_or_the_tracking_page()
    {
        var c = Case();
        Assert.Contains("Cho biết số căn cước cũ.", Messages.ToCitizen(c, CaseAction.RequestInformation, "Cho biết số căn cước cũ.")!.Body);

        c.IsPublished = true;
        var published = Messages.ToCitizen(c, CaseAction.Approve, "")!;
        Assert.Contains("https://cchc.example.gov.vn/hoi-dap/cau-hoi/HD-2026-000042", published.Body);
        c.IsPublished = false;
        var privateAnswer = Messages.ToCitizen(c, CaseAction.Approve, "")!;
        Assert.DoesNotContain("/hoi-dap/cau-hoi/", privateAnswer.Body);
        Assert.Contains("https://cchc.example.gov.vn/hoi-dap/tra-cuu", privateAnswer.Body);
    }

    [Fact]
    public void The_digest_lists_each_overdue_case_with_its_delay_and_link()
    {
        var mail = Messages.OverdueDigest(new MailRecipient("giamdoc@so.gov.vn", "Trần Giám Đốc"), "Sở Tư pháp", new DateOnly(2026, 12, 14),
            [new OverdueItem(42, "HD-2026-000042", "Hỏi về cấp lại căn cước", CaseStatus.Drafting, new DateOnly(2026, 12, 10), 2)]);
        Assert.Equal("giamdoc@so.gov.vn", mail.To);
        Assert.Contains("1 hồ sơ", mail.Subject);
        Assert.Contains("1. HD-2026-000042 - Hỏi về cấp lại căn cước", mail.Body);
        Assert.Contains("hạn 10/12/2026, quá 2 ngày làm việc", mail.Body);
        Assert.Contains("https://cchc.example.gov.vn/quan-tri/hoi-dap/42", mail.Body);
    }

    [Fact]
    public void The_citizen_of_a_merged_duplicate_hears_of_the_published_answer_without_the_other_citizens_data()
    {
        var original = Case(email: "nguoikhac@example.vn");
        original.IsPublished = true;
        var duplicate = Case();
        duplicate.Code = "HD-2026-000050";
        duplicate.SubmitterName = "Lý Thị Năm";
        duplicate.DuplicateOfCode = original.Code;
        var mail = Messages.DuplicateAnswered(duplicate, original)!;
        Assert.Equal("nguoigui@example.vn", mail.To);
        Assert.Contains("https://cchc.example.gov.vn/hoi-dap/cau-hoi/HD-2026-000042", mail.Body);
        Assert.DoesNotContain("nguoikhac@example.vn", mail.Body);
        original.IsPublished = false;
        Assert.Null(Messages.DuplicateAnswered(duplicate, original));
    }
}
