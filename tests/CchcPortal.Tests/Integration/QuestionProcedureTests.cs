using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>"Hỏi về thủ tục này": from a procedure's page to the form, the case, the staff page and the public answer.</summary>
public class QuestionProcedureTests
{
    private const string Code = "1.001193.000.00.00.H19";
    private const string Name = "Thủ tục đăng ký khai sinh lưu động";

    [Fact]
    public async Task A_question_started_from_a_procedure_carries_it_to_the_case_and_the_answer()
    {
        using var factory = new PortalFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Procedures.Add(new Procedure { Code = Code, Name = Name, Slug = "dang-ky-khai-sinh-luu-dong", Field = "Hộ tịch", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var citizen = factory.Anonymous();
        Assert.Contains($"href=\"/hoi-dap/gui-cau-hoi?thu-tuc={Uri.EscapeDataString(Code)}\"", await citizen.GetStringAsync("/thu-tuc-hanh-chinh/dang-ky-khai-sinh-luu-dong"));

        var form = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/hoi-dap/gui-cau-hoi?thu-tuc={Uri.EscapeDataString(Code)}"));
        Assert.Contains($"Thủ tục liên quan: <a href=\"/thu-tuc-hanh-chinh/dang-ky-khai-sinh-luu-dong\">{Name}</a>", form);
        Assert.Matches($"name=\"?Input.ProcedureCode\"? value=\"?{System.Text.RegularExpressions.Regex.Escape(Code)}", form);
        // An unknown code is ignored, with no error.
        var unknown = await citizen.GetAsync("/hoi-dap/gui-cau-hoi?thu-tuc=9.999999");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.DoesNotContain("Thủ tục liên quan", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));

        var c = await AnsweringCase.StartAsync(factory, new() { ["Input.ProcedureCode"] = Code });
        int? procedureId;
        using (var scope = factory.Services.CreateScope())
            procedureId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(x => x.Id == c.Id)).ProcedureId;
        Assert.NotNull(procedureId);

        var staffPage = WebUtility.HtmlDecode(await c.Responder.GetStringAsync(c.Page));
        Assert.Contains("Thủ tục liên quan", staffPage);
        Assert.Contains(Name, staffPage);

        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Responder, new() { ["Input.Action"] = "SubmitForApproval", ["Input.DraftHtml"] = "<p>Ông/Bà liên hệ UBND xã để được đăng ký lưu động.</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Head, new() { ["Input.Action"] = "Approve" })).StatusCode);
        var answer = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/hoi-dap/cau-hoi/{c.Code}"));
        Assert.Contains($"<a href=\"/thu-tuc-hanh-chinh/dang-ky-khai-sinh-luu-dong\">{Name}</a>", answer);
    }

    [Fact]
    public async Task An_unknown_procedure_code_posted_with_the_form_is_ignored()
    {
        using var factory = new PortalFactory();
        var c = await AnsweringCase.StartAsync(factory, new() { ["Input.ProcedureCode"] = "khong-co" });
        using var scope = factory.Services.CreateScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(x => x.Id == c.Id)).ProcedureId);
    }
}
