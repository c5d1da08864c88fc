using CchcPortal.Core.Questions;
using CchcPortal.Web.Features.Questions;

namespace CchcPortal.Tests.Unit;

public class CaseStatusBadgeTests
{
    [Theory]
    [InlineData(CaseStatus.Answered, "answered")]
    [InlineData(CaseStatus.NeedsInformation, "attention")]
    [InlineData(CaseStatus.Withdrawn, "withdrawn")]
    [InlineData(CaseStatus.Rejected, "rejected")]
    [InlineData(CaseStatus.Submitted, "in-progress")]
    [InlineData(CaseStatus.Accepted, "in-progress")]
    [InlineData(CaseStatus.Assigned, "in-progress")]
    [InlineData(CaseStatus.Drafting, "in-progress")]
    [InlineData(CaseStatus.AwaitingApproval, "in-progress")]
    public void Each_status_has_a_colour_with_a_meaning(CaseStatus status, string modifier)
    {
        Assert.Equal(modifier, CaseStatusBadge.Modifier(status));
        Assert.Equal($"badge badge-status badge-{modifier}", CaseStatusBadge.CssClass(status));
    }

    [Fact]
    public void The_badge_says_the_status_in_words()
    {
        using var writer = new StringWriter();
        CaseStatusBadge.Render(CaseStatus.NeedsInformation).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        Assert.Equal("<span class=\"badge badge-status badge-attention\">Cần bổ sung thông tin</span>", writer.ToString());
    }
}

public class CaseHistoryTests
{
    [Fact]
    public void Labels_start_with_a_capital_whatever_the_stored_text()
    {
        Assert.Equal("Tiếp nhận", CaseHistory.Label(new CaseEvent { Action = CaseWorkflow.ActionText(CaseAction.Accept) }));
        Assert.Equal("Gửi", CaseHistory.Label(new CaseEvent { Action = "Gửi" }));
        Assert.Equal("Yêu cầu bổ sung thông tin", CaseHistory.Label(new CaseEvent { Action = CaseWorkflow.ActionText(CaseAction.RequestInformation) }));
    }

    [Theory]
    [InlineData("Người gửi", "Gửi", null, CaseStatus.Submitted, "Người gửi")]
    [InlineData("Nguyễn Văn Kiểm", "tiếp nhận", CaseStatus.Submitted, CaseStatus.Accepted, "Bộ phận tiếp nhận")]
    [InlineData("Nguyễn Văn Kiểm", "chuyển cơ quan xử lý", CaseStatus.Accepted, CaseStatus.Assigned, "Bộ phận tiếp nhận")]
    [InlineData("Nguyễn Văn Kiểm", "gộp hồ sơ trùng HD-2026-000001", CaseStatus.Assigned, CaseStatus.Assigned, "Bộ phận tiếp nhận")]
    [InlineData("Trần Cán Bộ", "yêu cầu bổ sung thông tin", CaseStatus.Assigned, CaseStatus.NeedsInformation, "Sở Tư pháp")]
    [InlineData("Trần Văn Giám", "duyệt và công bố trả lời", CaseStatus.AwaitingApproval, CaseStatus.Answered, "Sở Tư pháp")]
    public void The_public_history_names_a_role_or_the_agency_never_a_person(string actor, string action, CaseStatus? from, CaseStatus to, string expected) =>
        Assert.Equal(expected, CaseHistory.PublicActor(new CaseEvent { Actor = actor, Action = action, FromStatus = from, ToStatus = to }, "Sở Tư pháp"));

    [Fact]
    public void Without_an_agency_name_the_handling_agency_is_named_by_its_role() =>
        Assert.Equal("Cơ quan xử lý", CaseHistory.PublicActor(new CaseEvent { Actor = "Trần Cán Bộ", Action = "soạn trả lời", ToStatus = CaseStatus.Drafting }, ""));

    [Fact]
    public void Staff_work_that_keeps_the_status_is_not_a_public_step()
    {
        Assert.False(CaseHistory.IsPublicStep(new CaseEvent { Actor = "Trần Cán Bộ", Action = "lưu bản nháp", FromStatus = CaseStatus.Drafting, ToStatus = CaseStatus.Drafting }));
        Assert.True(CaseHistory.IsPublicStep(new CaseEvent { Actor = "Trần Cán Bộ", Action = "trình duyệt", FromStatus = CaseStatus.Drafting, ToStatus = CaseStatus.AwaitingApproval }));
        Assert.True(CaseHistory.IsPublicStep(new CaseEvent { Actor = "Người gửi", Action = "Gửi", FromStatus = null, ToStatus = CaseStatus.Submitted }));
    }
}
