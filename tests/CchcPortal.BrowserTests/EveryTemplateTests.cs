using System.Text.Json;
using System.Text.RegularExpressions;
using CchcPortal.Core.Contests;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests;

/// <summary>
/// One URL of every public template (issue 20, item 8) on a phone (390x844, touch) and a desktop (1366x900): the
/// page's h1 starts in the phone's first 200 px, the page does not scroll sideways, axe finds nothing serious or
/// critical (every rule on the phone, see <see cref="Screen"/>). URLs come from the data at runtime: a template without
/// a fixed path is the first link matching its pattern on the pages visited before it. Every problem of a run, on both
/// screens, is collected and reported at once. A new public template is one line in <see cref="Templates"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EveryTemplateTests(BrowserFixture fixture)
{
    private const int PhoneH1Limit = 200;
    private static readonly List<string> AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private const string AnswerCode = "HD-2025-000951";
    private const string EpisodeTopic = "Thủ tục đăng ký khai sinh, kết hôn trên Cổng Dịch vụ công";

    /// <summary>
    /// A template: a fixed path (where "{name}" is an earlier template's URL), or the first link not visited yet that
    /// matches <paramref name="Find"/>; a redirect must land under <paramref name="LandsOn"/>.
    /// </summary>
    private sealed record Template(string Name, string? Path = null, string? Find = null, int Status = 200, string? LandsOn = null);

    private static IEnumerable<Template> Templates(int episodeId) =>
    [
        new("home", "/"),
        new("news list", "/tin-tuc"),
        new("article", Find: @"^/tin-tuc/(?!the/|chuyen-muc/)[a-z0-9-]+$"),
        new("article print", "{article}/ban-in"),
        new("category", Find: @"^/tin-tuc/chuyen-muc/[a-z0-9-]+$"),
        new("tag", Find: @"^/tin-tuc/the/[a-z0-9-]+$"),
        new("procedures list", "/thu-tuc-hanh-chinh"),
        new("procedure", Find: @"^/thu-tuc-hanh-chinh/[^/?#]+$"),
        new("procedure print", "{procedure}/ban-in"),
        new("procedure short link", "/tthc/1.001193", LandsOn: "/thu-tuc-hanh-chinh/"),
        new("questions", "/hoi-dap"),
        new("question form", "/hoi-dap/gui-cau-hoi"),
        new("tracking", "/hoi-dap/tra-cuu"),
        new("answers list", "/hoi-dap/da-tra-loi"),
        new("answer", $"/hoi-dap/cau-hoi/{AnswerCode}"),
        new("question statistics", "/hoi-dap/thong-ke"),
        new("programme", "/hoi-dap/chuong-trinh"),
        new("episode", $"/hoi-dap/chuong-trinh/{episodeId}", LandsOn: $"/hoi-dap/chuong-trinh/{episodeId}/"),
        new("hotline board", "/duong-day-nong"),
        new("agency", Find: @"^/co-quan/[a-z0-9-]+$"),
        new("English contacts", "/en/contacts"),
        new("documents", "/van-ban"),
        new("document", Find: @"^/van-ban/[a-z0-9-]+$"),
        new("indices", "/chi-so-cchc"),
        new("ranking", Find: @"^/chi-so-cchc/(?!don-vi/|so-sanh|gioi-thieu)[^/?#]+/\d{4}(\?pham-vi=[a-z-]+)?$"),
        new("index subject", Find: @"^/chi-so-cchc/don-vi/[a-z0-9-]+$"),
        new("index comparison", Find: @"^/chi-so-cchc/so-sanh\?a=[a-z0-9-]+(&b=[a-z0-9-]+)?$"),
        new("indices about", "/chi-so-cchc/gioi-thieu"),
        new("survey results", "/danh-gia-hai-long"),
        new("survey form", "/danh-gia-hai-long/gui?co-quan=so-noi-vu"),
        new("survey thanks", "/danh-gia-hai-long/cam-on?co-quan=so-noi-vu"),
        new("survey agency", "/danh-gia-hai-long/co-quan/so-noi-vu"),
        new("survey QR code", "/danh-gia-hai-long/ma-qr/so-noi-vu"),
        new("contests", "/cuoc-thi"),
        new("contest", $"/cuoc-thi/{ContestDemoSeeder.Slug}"),
        new("contest winners", $"/cuoc-thi/{ContestDemoSeeder.Slug}/xep-hang"),
        new("plans", "/ke-hoach-tuyen-truyen", LandsOn: "/ke-hoach-tuyen-truyen/"),
        new("plan year", Find: @"^/ke-hoach-tuyen-truyen/\d{4}$"),
        new("search", "/tim-kiem?q=%C4%91%C4%83ng+k%C3%BD+khai+sinh"),
        new("static page", "/gioi-thieu"),
        new("contact page", "/lien-he"),
        new("error page", "/loi/404", Status: 404),
        new("sign-in", "/tai-khoan/dang-nhap"),
    ];

    /// <summary>
    /// A screen the templates are checked on. Axe runs every rule of <see cref="AxeTags"/> once per template, on the
    /// phone (where layout problems are likeliest); the desktop runs the cheap layout checks and only the axe rules
    /// whose result depends on the viewport (<see cref="ViewportRules"/>), except on its first template, the home
    /// page, where every rule runs once over the shared layout at desktop width (its wide-screen header and menu are
    /// hidden on the phone, and hidden elements are not checked).
    /// </summary>
    private sealed record Screen(string Device, int Width, int Height, bool Phone)
    {
        public override string ToString() => $"{Device} {Width}x{Height}";
    }

    private static readonly Screen[] Screens = [new("phone", 390, 844, Phone: true), new("desktop", 1366, 900, Phone: false)];

    /// <summary>Rules of <see cref="AxeTags"/> that see what is rendered at this width: contrast over what overlaps, scroll boxes.</summary>
    private static readonly List<string> ViewportRules = ["color-contrast", "scrollable-region-focusable"];

    [Fact]
    public async Task Every_public_template_fits_a_phone_and_a_desktop_and_passes_axe()
    {
        var episodeId = await EnsurePublishedAnswerAndEpisodeAsync();
        using (var scope = fixture.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ContestDemoSeeder>().SeedAsync(scope.ServiceProvider.GetRequiredService<PortalPaths>().SeedPath);
        // The two screens walk the templates at the same time: one waits on the server while the other runs axe.
        var problems = (await Task.WhenAll(Screens.Select(screen => WalkAsync(screen, episodeId)))).SelectMany(p => p).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems));
    }

    /// <summary>Every template on one screen, in the list's order; every problem found, none thrown.</summary>
    private async Task<List<string>> WalkAsync(Screen screen, int episodeId)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = screen.Width, Height = screen.Height },
            IsMobile = screen.Phone, HasTouch = screen.Phone, DeviceScaleFactor = screen.Phone ? 3 : 1,
        });
        var problems = new List<string>();
        var resolved = new Dictionary<string, string>();
        var visited = new HashSet<string>();
        var links = new List<string>();
        try
        {
            var page = await context.NewPageAsync();
            foreach (var template in Templates(episodeId))
            {
                var path = template.Path is { } fixedPath
                    ? Regex.Replace(fixedPath, "{([^}]+)}", m => resolved.GetValueOrDefault(m.Groups[1].Value, "/khong-co"))
                    : links.FirstOrDefault(l => !visited.Contains(l) && Regex.IsMatch(l, template.Find!));
                if (path is null)
                {
                    problems.Add($"{screen} {template.Name}: no link matching {template.Find} on the pages visited before it");
                    continue;
                }
                var response = await page.GotoAsync(path);
                var landed = await page.EvaluateAsync<string>("location.pathname + location.search");
                var redirected = Uri.UnescapeDataString(landed) != Uri.UnescapeDataString(path);
                var at = $"{screen} {path}" + (redirected ? $" (→ {landed})" : "");
                var first = resolved.Count == 0;
                resolved[template.Name] = landed;
                visited.Add(path);
                visited.Add(landed);
                if (response is null || response.Status != template.Status)
                {
                    problems.Add($"{at}: HTTP {response?.Status} instead of {template.Status}");
                    continue;
                }
                if (template.LandsOn is { } prefix && !landed.StartsWith(prefix, StringComparison.Ordinal))
                    problems.Add($"{at}: landed outside {prefix}");
                links.AddRange(await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('a[href]')].filter(a => a.origin === location.origin).map(a => a.pathname + a.search)"));

                if (screen.Phone && await H1ProblemAsync(page) is { } h1) problems.Add($"{at}: {h1}");
                if (await OverflowAsync(page, screen.Width) is { } overflow) problems.Add($"{at}: scrolls sideways, {overflow}");
                var everyRule = screen.Phone || first;
                problems.AddRange((await AxeProblemsAsync(page, everyRule)).Select(p => $"{at}: axe {p}"));
            }
        }
        finally
        {
            await context.CloseAsync();
        }
        return problems;
    }

    /// <summary>The first visible h1 (or the main's h1, even visually hidden: where the content starts) below the limit, or no h1 at all.</summary>
    private static async Task<string?> H1ProblemAsync(IPage page)
    {
        var h1 = await page.EvaluateAsync<JsonElement>("""
            () => {
              const shown = e => {
                const r = e.getBoundingClientRect();
                return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';
              };
              const all = [...document.querySelectorAll('h1')];
              const h = all.find(shown) ?? document.querySelector('main h1') ?? all[0];
              return h ? { top: Math.round(h.getBoundingClientRect().top + window.scrollY), text: h.textContent.trim().slice(0, 50) } : null;
            }
            """);
        if (h1.ValueKind == JsonValueKind.Null) return "no h1";
        var top = h1.GetProperty("top").GetInt32();
        return top > PhoneH1Limit ? $"h1 “{h1.GetProperty("text").GetString()}” starts at {top} px (limit {PhoneH1Limit})" : null;
    }

    /// <summary>The page's width when wider than the screen, with the elements that stick out first (outside any scroll box).</summary>
    private static Task<string?> OverflowAsync(IPage page, int width) => page.EvaluateAsync<string?>("""
        width => {
          const scroll = document.documentElement.scrollWidth;
          if (scroll <= width) return null;
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].slice(0, 2).map(c => '.' + c).join('');
          const clipped = e => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
              if (getComputedStyle(a).overflowX !== 'visible') return true;
            return false;
          };
          const out = [...document.body.querySelectorAll('*')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > width + 1 && e.parentElement.getBoundingClientRect().right <= width + 1 && !clipped(e);
          }).slice(0, 3).map(e => `${name(e)} to ${Math.round(e.getBoundingClientRect().right)} px`);
          return `${scroll} px wide (screen ${width})` + (out.length ? ': ' + out.join(', ') : '');
        }
        """, width);

    /// <summary>
    /// Serious and critical violations of every rule of <see cref="AxeTags"/>, or of <see cref="ViewportRules"/> only.
    /// Axe lists the elements of violations only (passes by rule, without their elements, which cost time to list). On
    /// the html element axe still runs the page-level rules (document title, landmarks, one h1).
    /// </summary>
    private static async Task<IEnumerable<string>> AxeProblemsAsync(IPage page, bool everyRule)
    {
        // Legacy mode runs axe.run in the page itself. The default mode opens a blank page per run to merge the frames'
        // results, which made each run about 4 times as long here (docs/benchmarks.md, session 14).
        var result = await page.Locator("html").RunAxeLegacy(new AxeRunOptions
        {
            RunOnly = everyRule ? new RunOnlyOptions { Type = "tag", Values = AxeTags } : new RunOnlyOptions { Type = "rule", Values = ViewportRules },
            ResultTypes = [ResultType.Violations],
            // Frames are left out: axe waited without end for a cross-origin player's frame that never loads offline
            // (an article's print page after the video tests). The only same-origin frame is a PDF file, which axe cannot check.
            Iframes = false,
        });
        // A run that checked almost nothing (axe not injected, an empty page) is a problem, not a pass.
        if (everyRule ? result.Passes.Length <= 10 : result.Passes.Length + result.Violations.Length + result.Incomplete.Length == 0)
            return ["ran too few checks"];
        return result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
            $"{v.Id} ({v.Impact}, {v.Nodes.Length} element(s)): {v.Help} → "
            + string.Join("; ", v.Nodes.Take(3).Select(n => n.Target.ToString()))
            + (v.Nodes.FirstOrDefault() is { } node && node.Any.Concat(node.All).Concat(node.None).FirstOrDefault()?.Message is { Length: > 0 } why
                ? $" [{Regex.Replace(why, @"\s+", " ")}]"
                : ""));
    }

    /// <summary>
    /// The seed has no published answer nor programme episode: one of each, straight in the database (a code of an
    /// earlier year, so the form's numbering of this year is untouched). Once per fixture.
    /// </summary>
    private async Task<int> EnsurePublishedAnswerAndEpisodeAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var episode = await db.ProgrammeEpisodes.FirstOrDefaultAsync(e => e.Topic == EpisodeTopic);
        if (episode is not null) return episode.Id;
        var at = new DateTime(2025, 10, 6, 2, 0, 0, DateTimeKind.Utc);
        episode = new ProgrammeEpisode
        {
            AiredOn = new DateOnly(2025, 10, 8), Topic = EpisodeTopic, IsPublished = true, UpdatedAt = at,
            Participants = "Giám đốc Sở Tư pháp\nPhó Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
            SummaryHtml = "<p>Hướng dẫn người dân nộp hồ sơ đăng ký khai sinh, kết hôn trực tuyến và nhận kết quả tại nhà.</p>",
        };
        db.ProgrammeEpisodes.Add(episode);
        await db.SaveChangesAsync();
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Slug == "so-tu-phap") ?? await db.Agencies.OrderBy(a => a.Id).FirstAsync();
        db.QuestionCases.Add(new QuestionCase
        {
            Code = AnswerCode, SecretHash = "x", Kind = CaseKind.Question, AgencyId = agency.Id, Field = "Hộ tịch",
            Title = "Đăng ký khai sinh cho con trực tuyến cần chuẩn bị những gì?",
            Content = "Tôi muốn đăng ký khai sinh cho con qua mạng thì cần chuẩn bị giấy tờ gì?",
            PublicContent = "Tôi muốn đăng ký khai sinh cho con qua mạng thì cần chuẩn bị giấy tờ gì?",
            SubmitterName = "Người Hỏi Thử", SubmitterArea = "Phường Buôn Ma Thuột, tỉnh Đắk Lắk", ConsentToPublish = true,
            IsPublished = true, Channel = "web", Status = CaseStatus.Answered,
            SubmittedAt = at.AddDays(-5), ModerationDue = DateOnly.FromDateTime(at.AddDays(-4)),
            AnsweredAt = at, SignedBy = "Giám đốc Sở Tư pháp", EpisodeId = episode.Id,
            AnswerHtml = "<p>Bạn chuẩn bị bản chụp giấy chứng sinh và giấy tờ tùy thân của cha, mẹ, rồi nộp trên Cổng Dịch vụ công.</p>"
                + "<ul><li>Tờ khai đăng ký khai sinh (điền trực tuyến).</li><li>Giấy chứng sinh.</li></ul>",
        });
        await db.SaveChangesAsync();
        return episode.Id;
    }
}
