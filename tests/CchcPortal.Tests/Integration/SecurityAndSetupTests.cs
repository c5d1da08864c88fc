using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class SecurityAndSetupTests
{
    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        using var factory = new PortalFactory();
        var editor = await factory.EditorAsync();
        var response = await editor.PostAsync("/quan-tri/bai-viet/sua?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "Không có token", ["Input.CategoryId"] = "1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.AnyAsync(p => p.Title == "Không có token"));

        var login = await factory.Anonymous().PostAsync("/tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task Login_slows_down_after_repeated_failures_without_locking_the_account()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = "Sai-mat-khau-1!" });
            Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }
        // Even the right password waits its turn from this address; nothing says the account is locked.
        var right = await client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng thử lại sau 1 phút.", html);
        Assert.DoesNotContain("bị khóa", html);
        // After the wait the right password signs in.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var after = await client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_gets_a_vietnamese_message()
    {
        using var factory = new PortalFactory();
        var response = await factory.Anonymous().PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = "ai-do@test.local", ["Password"] = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Roles_limit_what_staff_can_open()
    {
        using var factory = new PortalFactory();
        await factory.EnsureUserAsync("moderator@test.local", "M0derator!Passw0rd", PortalRoles.Moderator);
        var moderator = await factory.SignedInAsync("moderator@test.local", "M0derator!Passw0rd");
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/quan-tri")).StatusCode);
        var posts = await moderator.GetAsync("/quan-tri/bai-viet");
        Assert.Equal(HttpStatusCode.Redirect, posts.StatusCode);
        Assert.Contains("/tai-khoan/khong-co-quyen", posts.Headers.Location!.ToString());

        var editor = await factory.EditorAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/quan-tri/bai-viet")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/quan-tri/nguoi-dung")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/quan-tri/cai-dat")).StatusCode);
    }

    [Fact]
    public async Task Administrator_creates_a_user_with_roles_and_settings_change_the_public_header()
    {
        using var factory = new PortalFactory();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var weak = await admin.PostFormAsync("/quan-tri/nguoi-dung/tao-moi", new()
        {
            ["Email"] = "bientap@test.local", ["FullName"] = "Nguyễn Văn A", ["Password"] = "ngan", ["Roles"] = PortalRoles.Editor,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("Mật khẩu phải có ít nhất 12 ký tự.", System.Net.WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));

        var created = await admin.PostFormAsync("/quan-tri/nguoi-dung/tao-moi", new()
        {
            ["Email"] = "bientap@test.local", ["FullName"] = "Nguyễn Văn A", ["Password"] = "B1entap!Passw0rd", ["Roles"] = PortalRoles.Editor,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var newEditor = await factory.SignedInAsync("bientap@test.local", "B1entap!Passw0rd");
        Assert.Equal(HttpStatusCode.OK, (await newEditor.GetAsync("/quan-tri/bai-viet")).StatusCode);

        var anonymous = factory.Anonymous();
        Assert.Contains("Ủy ban nhân dân tỉnh Đắk Lắk", await anonymous.GetStringAsync("/gioi-thieu"));
        var settings = await admin.PostFormAsync("/quan-tri/cai-dat", new()
        {
            ["Input.SiteName"] = "Cổng CCHC", ["Input.UnitName"] = "Ủy ban nhân dân huyện Thử Nghiệm", ["Input.Hotline"] = "0262.3999999",
        });
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var page = await anonymous.GetStringAsync("/gioi-thieu");
        Assert.Contains("Ủy ban nhân dân huyện Thử Nghiệm", page);
        Assert.Contains("tel:+842623999999", page);
    }

    [Fact]
    public async Task A_second_start_on_the_same_data_folder_seeds_nothing_twice()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int posts, documents, redirects, categories, pages, users;
            using (var first = new PortalFactory(dataPath))
            {
                _ = first.Services;
                (posts, documents, redirects, categories, pages, users) = await CountsAsync(first);
                // The five plans are documents (not news posts); their former post and print addresses redirect.
                Assert.Equal(0, posts);
                Assert.Equal(5, documents);
                Assert.Equal(10, redirects);
                Assert.Equal(6, categories);
                Assert.Equal(3, pages);
                Assert.Equal(1, users);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var second = new PortalFactory(dataPath))
            {
                _ = second.Services;
                Assert.Equal((posts, documents, redirects, categories, pages, users), await CountsAsync(second));
                using var scope = second.Services.CreateScope();
                var migrations = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetAppliedMigrationsAsync();
                Assert.NotEmpty(migrations);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, true); } catch (IOException) { }
        }
    }

    private static async Task<(int, int, int, int, int, int)> CountsAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.Posts.CountAsync(), await db.Documents.CountAsync(), await db.PathRedirects.CountAsync(), await db.Categories.CountAsync(), await db.StaticPages.CountAsync(),
            await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().Users.CountAsync());
    }
}
