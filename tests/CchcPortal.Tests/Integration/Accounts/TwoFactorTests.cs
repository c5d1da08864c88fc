using System.Net;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using static CchcPortal.Tests.Integration.Accounts.AccountTestSupport;

namespace CchcPortal.Tests.Integration.Accounts;

/// <summary>Two-factor sign-in with an authenticator app (codes computed by Otp.NET) and recovery codes.</summary>
public class TwoFactorTests
{
    private const string Email = "hai-buoc@test.local";

    [Fact]
    public async Task After_enrolment_sign_in_needs_a_code_and_a_recovery_code_works_once()
    {
        using var factory = Portal();
        var staff = await factory.StaffAsync(Email, PortalRoles.Editor);
        var (key, recovery) = await staff.EnrolAsync();
        Assert.Contains("Còn 10 mã khôi phục", await staff.GetStringAsync("/quan-tri/bao-mat-tai-khoan"));

        // The password alone leads to the code step, and signs nobody in.
        var client = factory.From("10.1.0.1");
        var password = await client.SignInAsync(Email, PortalFactory.StaffPassword);
        Assert.StartsWith("/tai-khoan/xac-thuc-hai-buoc", PathOf(password));
        Assert.StartsWith("/tai-khoan/dang-nhap", PathOf(await client.GetAsync("/quan-tri")));
        var wrong = await client.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var right = await client.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = Totp(key) });
        Assert.Equal("/quan-tri", PathOf(right));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/quan-tri")).StatusCode);

        // A recovery code instead of the app, once.
        var lostPhone = factory.From("10.1.0.2");
        await lostPhone.SignInAsync(Email, PortalFactory.StaffPassword);
        var used = await lostPhone.PostFormAsync("/tai-khoan/dang-nhap-ma-khoi-phuc", new() { ["Code"] = recovery[3] });
        Assert.Equal("/quan-tri", PathOf(used));
        var again = factory.From("10.1.0.3");
        await again.SignInAsync(Email, PortalFactory.StaffPassword);
        var reused = await again.PostFormAsync("/tai-khoan/dang-nhap-ma-khoi-phuc", new() { ["Code"] = recovery[3] });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("Mã khôi phục không đúng hoặc đã được dùng.", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));

        Assert.Single(await factory.AuditAsync(AuditActions.TwoFactorEnabled));
        Assert.Single(await factory.AuditAsync(AuditActions.RecoveryCodeUsed));
        Assert.Contains(await factory.AuditAsync(AuditActions.SignInFailed), e => e.UserName == Email && e.Summary.Contains("mã xác thực"));
    }

    [Fact]
    public async Task The_code_step_without_a_right_password_sends_back_to_sign_in()
    {
        using var factory = Portal();
        var client = factory.From("10.1.1.1");
        Assert.StartsWith("/tai-khoan/dang-nhap", PathOf(await client.GetAsync("/tai-khoan/xac-thuc-hai-buoc")));
        var token = await client.AntiforgeryTokenAsync("/tai-khoan/dang-nhap");
        var post = await client.PostAsync("/tai-khoan/dang-nhap-ma-khoi-phuc",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "abc", ["__RequestVerificationToken"] = token }));
        Assert.StartsWith("/tai-khoan/dang-nhap", PathOf(post));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_and_two_factor_turns_off_only_with_a_code()
    {
        using var factory = Portal();
        var staff = await factory.StaffAsync(Email, PortalRoles.Editor);
        var (key, old) = await staff.EnrolAsync();
        var regenerated = await staff.PostFormAsync("/quan-tri/bao-mat-tai-khoan?handler=RecoveryCodes", []);
        var page = await regenerated.Content.ReadAsStringAsync();
        Assert.DoesNotContain(old[0], page);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(page, "<li><code>").Count);
        Assert.Equal(2, (await factory.AuditAsync(AuditActions.RecoveryCodesGenerated)).Count);

        var refused = await staff.PostFormAsync("/quan-tri/bao-mat-tai-khoan?handler=Disable", new() { ["Code"] = "123456" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var disabled = await staff.PostFormAsync("/quan-tri/bao-mat-tai-khoan?handler=Disable", new() { ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Single(await factory.AuditAsync(AuditActions.TwoFactorDisabled));
        var client = factory.From("10.1.2.1");
        Assert.Equal("/quan-tri", PathOf(await client.SignInAsync(Email, PortalFactory.StaffPassword)));
    }

    [Fact]
    public async Task An_administrator_without_two_factor_reaches_only_the_enrolment_page_when_required()
    {
        using var factory = Portal(new() { ["Portal:Security:RequireTwoFactorForAdministrators"] = "true" });
        var admin = factory.From("10.1.3.1");
        Assert.Equal("/quan-tri", PathOf(await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)));
        foreach (var path in new[] { "/quan-tri", "/quan-tri/nguoi-dung", "/quan-tri/doi-mat-khau" })
            Assert.Equal("/quan-tri/bao-mat-tai-khoan", PathOf(await admin.GetAsync(path)));
        Assert.Contains("phải bật xác thực hai bước", await admin.GetStringAsync("/quan-tri/bao-mat-tai-khoan"));
        // An editor is not held back.
        var editor = await factory.StaffAsync(Email, PortalRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/quan-tri")).StatusCode);

        await admin.EnrolAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/quan-tri/nguoi-dung")).StatusCode);
    }
}
