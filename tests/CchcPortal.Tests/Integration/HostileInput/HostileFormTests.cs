using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CchcPortal.Tests.Integration.HostileInput;

/// <summary>
/// Every payload of the corpus in every field of every public form (the question form, its anti-spam fields, the
/// tracking and sign-in forms, password reset and the two-factor code steps), some taken through moderation to a published answer; then every page that shows them
/// (public, manager, RSS, sitemap, search) is rendered, what was stored is compared with what was sent, and the search
/// index must still apply a change made afterwards.
/// </summary>
public sealed partial class HostileFormTests(HostilePortal portal, ITestOutputHelper output) : IClassFixture<HostilePortal>
{
    [GeneratedRegex(@"HD-\d{4}-\d{6}")] private static partial Regex CodePattern();
    [GeneratedRegex(@"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>")] private static partial Regex SecretPattern();

    private readonly ConcurrentQueue<string> _failures = new();
    private int _posts;

    private static IReadOnlyList<HostilePayload> Payloads => HostileCorpus.All;

    private static Dictionary<string, string> ValidQuestion(string title) => new()
    {
        ["Input.Kind"] = "Question", ["Input.Title"] = title,
        ["Input.Content"] = "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì và làm ở đâu?",
        ["Input.Name"] = "Người Thử Nghiệm", ["Input.Phone"] = "0912 345 678", ["Input.Email"] = "thu.nghiem@example.vn",
        ["Input.Area"] = "Phường Buôn Ma Thuột", ["Input.Field"] = "Hộ tịch", ["Input.ConsentToPublish"] = "true",
    };

    [Fact]
    public async Task Every_payload_in_every_public_form_field_is_answered_safely_stored_intact_and_published_safely()
    {
        var client = portal.Factory.Anonymous();
        var token = await client.AntiforgeryTokenAsync(AltchaTestClient.SubmitUrl);
        var formFields = (await client.BrowserFormAsync(AltchaTestClient.SubmitUrl, "form[enctype='multipart/form-data']"))
            .Select(f => f.Key).Distinct().ToList();
        var userFields = formFields.Where(f => f.StartsWith("Input.", StringComparison.Ordinal)).ToList();
        Assert.Contains("Input.Field", userFields);
        Assert.Contains("Input.ConsentToPublish", userFields);

        // 1. Every user field gets every payload (rotated, so each post carries a different payload in each field).
        for (var round = 0; round < Payloads.Count; round++)
        {
            var fields = ValidQuestion("Câu hỏi thử nghiệm về đăng ký khai sinh");
            var sent = new List<string>();
            for (var j = 0; j < userFields.Count; j++)
            {
                var payload = Payloads[(round + 37 * j) % Payloads.Count].Text;
                fields[userFields[j]] = payload;
                sent.Add(payload);
            }
            fields["altcha"] = await client.SolvedAltchaAsync();
            await PostAsync(client, AltchaTestClient.SubmitUrl, fields, token, sent, multipart: round % 2 == 1, $"question form round {round}");
        }

        // 2. The anti-spam fields: honeypot, widget payload, printed question and its token.
        for (var round = 0; round < Payloads.Count; round++)
        {
            var fields = ValidQuestion("Câu hỏi thử nghiệm về chống thư rác");
            var p = Payloads[round].Text;
            if (round % 2 == 0) { fields["Website"] = p; fields["altcha"] = await client.SolvedAltchaAsync(); }
            else { fields["altcha"] = p; fields["CheckToken"] = Payloads[(round + 1) % Payloads.Count].Text; fields["CheckAnswer"] = Payloads[(round + 2) % Payloads.Count].Text; }
            await PostAsync(client, AltchaTestClient.SubmitUrl, fields, token, [p], multipart: false, $"anti-spam round {round}");
        }

        // 3. Stored: each payload in every free-text field of one otherwise valid question.
        var stored = new List<(HostilePayload Payload, string Code, string Secret)>();
        foreach (var payload in Payloads)
        {
            var fields = ValidQuestion($"Câu hỏi số {payload.Number}: {payload.Text}");
            fields["Input.Content"] = $"Nội dung câu hỏi số {payload.Number}: {payload.Text}";
            fields["Input.Name"] = payload.Text;
            fields["Input.Area"] = payload.Text;
            fields["Input.Field"] = payload.Text;
            fields["altcha"] = await client.SolvedAltchaAsync();
            var (status, html) = await PostAsync(client, AltchaTestClient.SubmitUrl, fields, token, [payload.Text], StoredAsMultipart(payload), $"stored {payload.Label}");
            if (status == HttpStatusCode.OK)
                stored.Add((payload, CodePattern().Match(html).Value, SecretPattern().Match(html).Groups[1].Value));
            else if (status == HttpStatusCode.UnprocessableEntity)
            {
                if (!html.Contains($"Câu hỏi số {payload.Number}:", StringComparison.Ordinal)) _failures.Enqueue($"{payload.Label}: refused without giving the title back");
                if (!html.Contains("class=\"field-error", StringComparison.Ordinal) && !html.Contains("error-summary", StringComparison.Ordinal))
                    _failures.Enqueue($"{payload.Label}: refused without a message");
            }
        }
        output.WriteLine($"{stored.Count} of {Payloads.Count} hostile questions stored; the rest refused with a message.");
        Assert.True(stored.Count >= Payloads.Count * 3 / 4, $"only {stored.Count} stored");
        await CheckStoredAsync(stored);

        // 4. Tracking (code + secret) and sign-in forms.
        var trackToken = await client.AntiforgeryTokenAsync("/hoi-dap/tra-cuu");
        var loginToken = await client.AntiforgeryTokenAsync("/tai-khoan/dang-nhap");
        for (var round = 0; round < Payloads.Count; round++)
        {
            string P(int k) => Payloads[(round + k) % Payloads.Count].Text;
            await PostAsync(client, "/hoi-dap/tra-cuu", new() { ["Code"] = P(0), ["Secret"] = P(1) }, trackToken, [P(0), P(1)], false, $"tracking round {round}");
            var known = stored[round % stored.Count];
            await PostAsync(client, "/hoi-dap/tra-cuu?handler=Provide", new() { ["Code"] = known.Code, ["Secret"] = known.Secret, ["Text"] = P(2) }, trackToken, [P(2)], false, $"provide round {round}");
            await PostAsync(client, "/tai-khoan/dang-nhap", new() { ["Email"] = P(0), ["Password"] = P(1), ["RememberMe"] = P(2), ["ReturnUrl"] = P(3) }, loginToken,
                [P(0), P(3)], false, $"sign-in round {round}");
        }

        // 4b. Password reset and the two-factor steps (a client past the password of an account with two-factor sign-in).
        var (twoFactor, twoFactorToken) = await PastThePasswordAsync();
        for (var round = 0; round < Payloads.Count; round++)
        {
            string P(int k) => Payloads[(round + k) % Payloads.Count].Text;
            await PostAsync(client, "/tai-khoan/quen-mat-khau", new() { ["Email"] = P(0) }, loginToken, [P(0)], false, $"forgot-password round {round}");
            await PostAsync(client, "/tai-khoan/dat-lai-mat-khau",
                new() { ["Id"] = P(4), ["Token"] = P(1), ["NewPassword"] = P(2), ["ConfirmPassword"] = P(round % 2 == 0 ? 2 : 3) }, loginToken,
                [P(1), P(4)], false, $"reset-password round {round}");
            await PostAsync(twoFactor, "/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = P(0), ["RememberMe"] = P(1), ["ReturnUrl"] = P(2) }, twoFactorToken,
                [P(0), P(2)], false, $"two-factor code round {round}");
            await PostAsync(twoFactor, "/tai-khoan/dang-nhap-ma-khoi-phuc", new() { ["Code"] = P(3), ["ReturnUrl"] = P(4) }, twoFactorToken,
                [P(3), P(4)], false, $"recovery code round {round}");
        }

        // 5. Some through moderation to a published answer, the payload in the answer too; then every page showing them.
        var staff = await StaffAsync();
        var published = stored.Where((_, i) => i % 12 == 0).ToList();
        foreach (var (payload, code, _) in published) await PublishAsync(staff, code, payload.Text);
        output.WriteLine($"{published.Count} hostile cases published.");
        await RenderEverywhereAsync(client, staff.Moderator, stored, published);

        // 6. The search index still applies what changes afterwards.
        await portal.Factory.WaitForSearchAsync(120);
        var fresh = ValidQuestion("Câu hỏi sau thử tấn công về thủ tục zebrafishhd");
        fresh["altcha"] = await client.SolvedAltchaAsync();
        var (_, freshHtml) = await PostAsync(client, AltchaTestClient.SubmitUrl, fresh, token, [], false, "after");
        var freshCode = CodePattern().Match(freshHtml).Value;
        await PublishAsync(staff, freshCode, "Trả lời sau thử tấn công.");
        await portal.Factory.WaitForSearchAsync(120);
        Assert.Contains($"/hoi-dap/cau-hoi/{freshCode}", await client.GetStringAsync("/api/search?q=zebrafishhd"));

        output.WriteLine($"{_posts} POST requests; {portal.Requests} requests in all on this portal.");
        var kinds = _failures.GroupBy(f => Kind(f))
            .Select(g => $"×{g.Count()} {g.First()}");
        Assert.True(_failures.IsEmpty, $"{_failures.Count} problems:\n" + string.Join("\n", kinds.Take(60)));
    }

    /// <summary>A client whose password step is done for an account with two-factor sign-in: the code pages check what it sends.</summary>
    private async Task<(HttpClient Client, string Token)> PastThePasswordAsync()
    {
        const string email = "hai-buoc@hostile.test";
        await portal.Factory.EnsureUserAsync(email, PortalFactory.StaffPassword, PortalRoles.Editor);
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var client = portal.Factory.Anonymous();
        var password = await client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = PortalFactory.StaffPassword });
        Assert.StartsWith("/tai-khoan/xac-thuc-hai-buoc", password.Headers.Location!.OriginalString);
        return (client, await client.AntiforgeryTokenAsync("/tai-khoan/xac-thuc-hai-buoc"));
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string token,
        IReadOnlyList<string> sent, bool multipart, string what)
    {
        fields["__RequestVerificationToken"] = token;
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = multipart ? Multipart(fields) : UrlEncoded(fields),
        };
        Interlocked.Increment(ref _posts);
        try
        {
            var posted = await portal.SendAsync(request, client);
            // A saved question answers 303 to its receipt: read that as a browser would (it shows the text too).
            using var response = posted.StatusCode == HttpStatusCode.SeeOther && posted.Headers.Location is { } receipt
                ? await portal.SendAsync(new HttpRequestMessage(HttpMethod.Get, receipt), client) : posted;
            if (!ReferenceEquals(response, posted)) posted.Dispose();
            var html = await response.Content.ReadAsStringAsync();
            var copy = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(html, Encoding.UTF8, response.Content.Headers.ContentType?.MediaType ?? "text/plain"), RequestMessage = request };
            foreach (var h in response.Headers) copy.Headers.TryAddWithoutValidation(h.Key, h.Value);
            foreach (var problem in await ResponseSafety.CheckAsync(copy, sent)) _failures.Enqueue($"{what}: {problem}");
            if (response.StatusCode == HttpStatusCode.BadRequest && !html.Contains("Yêu cầu không hợp lệ", StringComparison.Ordinal) && html.Length > 0
                && response.Content.Headers.ContentType?.MediaType == "text/html" && !html.Contains("lang=\"vi\"", StringComparison.Ordinal))
                _failures.Enqueue($"{what}: 400 without the Vietnamese error page");
            return (response.StatusCode, html);
        }
        catch (Exception ex)
        {
            _failures.Enqueue($"{what}: {ex.GetType().Name}: {ex.Message}");
            return (0, "");
        }
    }

    private static string Kind(string failure)
    {
        var key = Regex.Replace(failure, @"#\d+ .*\(\d+ chars\)|\d+", "N");
        return key[..Math.Min(90, key.Length)];
    }

    // As a browser sends it: no charset parameter (StringContent would add "us-ascii", and the server would decode by it).
    private static ByteArrayContent UrlEncoded(Dictionary<string, string> fields)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(RawUrlEncoding.Form(fields)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value, new UTF8Encoding(false)), name);
        return content;
    }

    /// <summary>Nothing lost: every visible character sent is stored, in order (NFC); only invisible ones may go.</summary>
    private async Task CheckStoredAsync(List<(HostilePayload Payload, string Code, string Secret)> stored)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var codes = stored.Select(s => s.Code).ToList();
        var cases = await db.QuestionCases.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code);
        foreach (var (payload, code, _) in stored)
        {
            if (!cases.TryGetValue(code, out var c)) { _failures.Enqueue($"{payload.Label}: case {code} not in the database"); continue; }
            var received = AsReceived(payload.Text, multipart: StoredAsMultipart(payload));
            Compare(payload, "title", $"Câu hỏi số {payload.Number}: {received}", c.Title);
            Compare(payload, "content", $"Nội dung câu hỏi số {payload.Number}: {received}", c.Content);
            Compare(payload, "name", received, c.SubmitterName);
            Compare(payload, "field", received, c.Field);
        }
    }

    private void Compare(HostilePayload payload, string what, string sent, string? storedValue)
    {
        var expected = Visible(sent);
        var actual = Visible(storedValue ?? "");
        // A field may be cut at its maximum length, never changed inside.
        if (actual != expected && !(actual.Length > 0 && expected.StartsWith(actual, StringComparison.Ordinal) && what is "field" or "name"))
            _failures.Enqueue($"{payload.Label}: stored {what} differs: {Short(actual)} vs {Short(expected)}");
    }

    private static bool StoredAsMultipart(HostilePayload payload) => payload.Number % 2 == 0;

    /// <summary>
    /// The text as it reaches the app: a lone surrogate cannot travel as UTF-8. The multipart client sends U+FFFD for
    /// it; in a url-encoded body its 3-byte form is not valid UTF-8, and the form reader keeps those %XX as written.
    /// </summary>
    private static string AsReceived(string text, bool multipart) => multipart
        ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text))
        : Uri.UnescapeDataString(RawUrlEncoding.Encode(text));

    private static string Visible(string text)
    {
        var sb = new StringBuilder();
        foreach (var rune in EnumerateRunes(text))
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || Rune.IsWhiteSpace(rune)) continue;
            sb.Append(rune.ToString());
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static IEnumerable<Rune> EnumerateRunes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune)) { yield return rune; if (rune.Utf16SequenceLength == 2) i++; }
        }
    }

    private static string Short(string s) => s.Length > 80 ? s[..80] + "…" : s;

    private sealed record StaffClients(HttpClient Moderator, HttpClient Responder, HttpClient Head, int AgencyId);

    private async Task<StaffClients> StaffAsync()
    {
        var f = portal.Factory;
        int agencyId;
        using (var scope = f.Services.CreateScope())
            agencyId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
        async Task<HttpClient> Make(string email, string role, int? agency, string title)
        {
            const string password = "Staff!Passw0rd#2026";
            await f.EnsureUserAsync(email, password, role);
            using (var scope = f.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                user.AgencyId = agency;
                user.JobTitle = title;
                await users.UpdateAsync(user);
            }
            return await f.SignedInAsync(email, password);
        }
        return new StaffClients(await Make("kiemduyet.ht@test.local", PortalRoles.Moderator, null, ""),
            await Make("canbo.ht@test.local", PortalRoles.AgencyResponder, agencyId, "Chuyên viên"),
            await Make("giamdoc.ht@test.local", PortalRoles.AgencyHead, agencyId, "Giám đốc"), agencyId);
    }

    private async Task PublishAsync(StaffClients staff, string code, string answerPayload)
    {
        int id;
        using (var scope = portal.Factory.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code)).Id;
        var url = $"/quan-tri/hoi-dap/{id}";
        async Task Act(HttpClient who, Dictionary<string, string> fields)
        {
            var response = await who.PostFormAsync(url, fields, "/quan-tri/doi-mat-khau");
            if (response.StatusCode != HttpStatusCode.Redirect)
                _failures.Enqueue($"{code} {fields["Input.Action"]}: {(int)response.StatusCode} {Short(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()))}");
        }
        await Act(staff.Moderator, new() { ["Input.Action"] = "Accept" });
        await Act(staff.Moderator, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = staff.AgencyId.ToString(CultureInfo.InvariantCulture) });
        await Act(staff.Responder, new() { ["Input.Action"] = "StartDrafting", ["Input.DraftHtml"] = "<p>Bản nháp</p>" + answerPayload });
        await Act(staff.Responder, new() { ["Input.Action"] = "SubmitForApproval", ["Input.DraftHtml"] = "<p>Trả lời: cơ quan đã xem xét.</p>" + answerPayload });
        // The payload is also the asker's name, so the personal-data scan warns: the head confirms (issue 18, item 3).
        await Act(staff.Head, new() { ["Input.Action"] = "Approve", ["Input.ConfirmedNoPersonalData"] = "true" });
    }

    private async Task RenderEverywhereAsync(HttpClient citizen, HttpClient moderator,
        List<(HostilePayload Payload, string Code, string Secret)> stored, List<(HostilePayload Payload, string Code, string Secret)> published)
    {
        var all = stored.Select(s => s.Payload.Text).ToList();
        var pages = new List<(HttpClient Client, string Url, IReadOnlyList<string> Payloads)>
        {
            (citizen, "/", all), (citizen, "/hoi-dap", all), (citizen, "/hoi-dap/rss.xml", all), (citizen, "/sitemap.xml", all),
            (citizen, "/rss.xml", all), (citizen, "/hoi-dap/thong-ke", all), (citizen, "/tim-kiem?q=c%C3%A2u+h%E1%BB%8Fi+s%E1%BB%91", all),
            (citizen, "/api/search?q=cau+hoi+so", all), (citizen, "/hoi-dap/goi-y?q=c%C3%A2u+h%E1%BB%8Fi+s%E1%BB%91", all),
            (moderator, "/quan-tri/hoi-dap", all),
        };
        for (var page = 1; page <= 1 + published.Count / 10; page++) pages.Add((citizen, $"/hoi-dap/da-tra-loi?trang={page}", all));
        foreach (var (payload, code, _) in published) pages.Add((citizen, $"/hoi-dap/cau-hoi/{code}", [payload.Text]));
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var codes = stored.Select(s => s.Code).ToList();
            var ids = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Id }).ToListAsync();
            foreach (var s in stored) pages.Add((moderator, $"/quan-tri/hoi-dap/{ids.Single(i => i.Code == s.Code).Id}", [s.Payload.Text]));
        }
        await portal.Factory.WaitForSearchAsync(120);
        foreach (var (client, url, payloads) in pages)
        {
            using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), client);
            if (response.StatusCode != HttpStatusCode.OK) _failures.Enqueue($"{url}: {(int)response.StatusCode}");
            foreach (var problem in await ResponseSafety.CheckAsync(response, payloads)) _failures.Enqueue($"{url}: {problem}");
        }
        // The citizen's tracking page of every stored case.
        var token = await citizen.AntiforgeryTokenAsync("/hoi-dap/tra-cuu");
        foreach (var (payload, code, secret) in stored)
        {
            var (status, _) = await PostAsync(citizen, "/hoi-dap/tra-cuu", new() { ["Code"] = code, ["Secret"] = secret }, token, [payload.Text], false, $"tracking {code}");
            if (status != HttpStatusCode.OK) _failures.Enqueue($"tracking {code} {payload.Label}: {(int)status}");
        }
    }
}
