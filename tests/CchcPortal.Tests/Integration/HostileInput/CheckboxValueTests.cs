using System.Net;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.HostileInput;

/// <summary>A checkbox posted with a value no browser sends ("abc") counts as not ticked; the form renders, never a 500.</summary>
public sealed class CheckboxValueTests
{
    [Fact]
    public async Task A_question_with_consent_abc_is_saved_as_not_consenting_to_publication()
    {
        using var factory = new PortalFactory();
        var response = await factory.Anonymous().PostQuestionAsync(new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Hỏi về thủ tục đăng ký khai sinh cho con",
            ["Input.Content"] = "Con tôi sinh ở bệnh viện tỉnh, tôi có thể đăng ký khai sinh trực tuyến không và cần giấy tờ gì?",
            ["Input.Name"] = "Nguyễn Thị Bình Minh", ["Input.Phone"] = "0912 345 678", ["Input.ConsentToPublish"] = "abc",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.False((await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync()).ConsentToPublish);
    }

    [Fact]
    public async Task A_refused_question_with_consent_abc_renders_again_with_the_text_kept()
    {
        using var factory = new PortalFactory();
        var response = await factory.Anonymous().PostQuestionAsync(new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Hỏi về thủ tục đăng ký khai sinh cho con",
            ["Input.Content"] = "Quá ngắn", ["Input.Name"] = "Nguyễn Thị Bình Minh", ["Input.Phone"] = "0912 345 678",
            ["Input.ConsentToPublish"] = "abc",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng trình bày nội dung", html);
        Assert.Contains("Hỏi về thủ tục đăng ký khai sinh cho con", html);
    }

    [Fact]
    public async Task Sign_in_with_remember_me_abc_renders_the_form_again()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        var response = await client.PostFormAsync("/tai-khoan/dang-nhap",
            new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = "sai mật khẩu", ["RememberMe"] = "abc" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

        var signedIn = await client.PostFormAsync("/tai-khoan/dang-nhap",
            new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword, ["RememberMe"] = "abc" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}
