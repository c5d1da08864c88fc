using System.Text.RegularExpressions;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests.Support;

/// <summary>The newsroom's people (a contributor, an editor, the editorial board's head) and their moves on a post's edit page.</summary>
public sealed record NewsroomStaff(StaffUser Contributor, StaffUser Editor, StaffUser Approver)
{
    public static async Task<NewsroomStaff> EnsureAsync(BrowserFixture fixture) => new(
        await fixture.EnsureStaffAsync(new("ctv@browser.local", PortalRoles.Contributor, "Nguyễn Thị Cộng Tác")),
        await fixture.EnsureStaffAsync(new("btv@browser.local", PortalRoles.Editor, "Trần Văn Biên Tập")),
        await fixture.EnsureStaffAsync(new("tbbt@browser.local", PortalRoles.Approver, "Lê Văn Trưởng Ban")));
}

public static partial class NewsroomDesk
{
    public const int PhoneWidth = 390, PhoneHeight = 844;

    [GeneratedRegex(@"/quan-tri/bai-viet/sua/(\d+)$")]
    private static partial Regex EditPath();

    /// <summary>Switches "Bắt buộc duyệt tin trước khi đăng" (the fixture is shared: callers switch it back).</summary>
    public static async Task SetApprovalAsync(this BrowserFixture fixture, bool required)
    {
        using var scope = fixture.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<SiteSettingsService>();
        var current = await settings.GetAsync();
        current.RequireNewsApproval = required;
        var result = await settings.UpdateAsync(current);
        if (!result.Succeeded) throw new InvalidOperationException("The approval setting was not saved.");
    }

    /// <summary>
    /// Clicks a button of the edit page and waits for the post's page again, with the message the move flashes
    /// (the address alone does not tell: it is the same before and after); returns the post's id.
    /// </summary>
    public static async Task<int> MoveAsync(IPage page, string button, string flash)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.Locator("main > .notice[role=status]")).ToContainTextAsync(flash, new() { Timeout = 30_000 });
        await page.ArrivedAtAsync(EditPath());
        return int.Parse(EditPath().Match(page.Url).Groups[1].Value);
    }

    /// <summary>"Lưu và hẹn giờ đăng" at a Vietnam-time moment to the second (the field shows minutes, so its step is widened).</summary>
    public static async Task<int> ScheduleAsync(IPage page, DateTime utc)
    {
        var local = utc.AddHours(7).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#PublishAt").EvaluateAsync("(input, value) => { input.step = '1'; input.value = value; }", local);
        return await MoveAsync(page, "Lưu và hẹn giờ đăng", "Đã hẹn giờ đăng lúc");
    }

    public static Task OpenAsync(IPage page, int postId) => page.GotoAsync($"/quan-tri/bai-viet/sua/{postId}");

    public static Task ExpectStatusAsync(IPage page, string status) => Expect(page.Locator("main .status").First).ToHaveTextAsync(status);

    /// <summary>Returns the post to the step before with a comment (the form below the editor).</summary>
    public static async Task ReturnAsync(IPage page, string comment)
    {
        await page.GetByLabel("Ý kiến cho người viết (bắt buộc)").FillAsync(comment);
        await MoveAsync(page, "Trả lại kèm ý kiến", "Đã trả lại tin bài");
    }
}
