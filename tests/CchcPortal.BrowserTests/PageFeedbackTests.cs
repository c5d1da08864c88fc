using CchcPortal.BrowserTests.Support;
using CchcPortal.Core.Identity;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests;

/// <summary>
/// "Trang này có hữu ích không?" on a phone: a citizen taps "Không" at the end of a procedure page, writes what was
/// missing and sees the thanks in place (JS), with no sideways scroll; the editor's report then shows the procedure
/// and the note.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PageFeedbackTests(BrowserFixture fixture)
{
    private const string ProcedurePath = "/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193";

    [Fact]
    public async Task A_citizen_on_a_phone_says_what_a_procedure_page_lacks_and_the_editor_reads_it()
    {
        var page = await fixture.NewPageAsync(390, 844);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(ProcedurePath);
        var widget = page.Locator("form[data-page-feedback]");
        var no = widget.GetByRole(AriaRole.Button, new() { Name = "Không", Exact = true });
        await no.ScrollIntoViewIfNeededAsync();
        var box = await no.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44, Width: >= 44 }, $"touch target {box?.Width}x{box?.Height}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await no.ClickAsync();
        var note = page.GetByLabel("Trang còn thiếu gì?");
        await note.WaitForAsync();
        Assert.EndsWith(ProcedurePath, page.Url); // no reload: the thanks came in place
        const string missing = "Thiếu mẫu tờ khai khai sinh bản mới để in sẵn";
        await note.FillAsync(missing);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await page.GetByText("Góp ý đã được gửi đến biên tập viên").WaitForAsync();
        Assert.EndsWith(ProcedurePath, page.Url);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(errors);

        var editor = await fixture.EnsureStaffAsync(new StaffUser("bien-tap-y-kien@browser.local", PortalRoles.Editor, "Biên tập viên Ý kiến"));
        var staff = await fixture.SignedInPageAsync(editor, 390, 844);
        await staff.GotoAsync("/quan-tri/y-kien-trang?loai=procedure&it-nhat=1");
        var row = staff.Locator("table tbody tr", new() { Has = staff.Locator($"a[href='{ProcedurePath}']") });
        Assert.Contains("0,0%", await row.InnerTextAsync());
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("góp ý") }).ClickAsync();
        await staff.GetByText(missing).WaitForAsync();
    }
}
