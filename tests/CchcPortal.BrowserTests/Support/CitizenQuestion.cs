using Microsoft.Playwright;

namespace CchcPortal.BrowserTests.Support;

/// <summary>What a citizen types in the real question form (/hoi-dap/gui-cau-hoi), and sending it.</summary>
public sealed record CitizenQuestion(string Title)
{
    public const string FormPath = "/hoi-dap/gui-cau-hoi";

    public string Content { get; init; } =
        "Xin hỏi thủ tục chứng thực bản sao từ bản chính ở Ủy ban nhân dân xã cần mang theo những gì?";
    public string Name { get; init; } = "Trình Duyệt Thử";
    public string Phone { get; init; } = "0912 345 000";
    public string Email { get; init; } = "";
    public string Area { get; init; } = "";
    public string Field { get; init; } = "";
    public int? AgencyId { get; init; }
    public bool ConsentToPublish { get; init; }

    public async Task FillAsync(IPage page)
    {
        await page.CheckAsync("input[name='Input.Kind'][value=Question]");
        if (AgencyId is { } agency) await page.SelectOptionAsync("#Input_AgencyId", agency.ToString());
        if (Field.Length > 0) await page.FillAsync("#Input_Field", Field);
        if (Area.Length > 0) await page.FillAsync("#Input_Area", Area);
        await page.FillAsync("#Input_Title", Title);
        await page.FillAsync("#Input_Content", Content);
        await page.FillAsync("#Input_Name", Name);
        await page.FillAsync("#Input_Phone", Phone);
        if (Email.Length > 0) await page.FillAsync("#Input_Email", Email);
        if (ConsentToPublish) await page.CheckAsync("#Input_ConsentToPublish");
    }

    /// <summary>Presses "Gửi" and waits for the receipt; with JavaScript the anti-spam widget solves its challenge first.</summary>
    public static async Task SendAsync(IPage page)
    {
        await page.ClickAsync("main form button.button[type=submit]");
        await page.Locator("h1", new() { HasText = "Đã nhận câu hỏi" }).WaitForAsync(new() { Timeout = 60_000 });
    }

    /// <summary>The code and the secret the receipt page shows (/hoi-dap/bien-nhan).</summary>
    public static async Task<(string Code, string Secret)> ReadReceiptAsync(IPage page)
    {
        var numbers = page.Locator(".notice-box strong.big-number");
        return ((await numbers.Nth(0).InnerTextAsync()).Trim(), (await numbers.Nth(1).InnerTextAsync()).Trim());
    }
}
