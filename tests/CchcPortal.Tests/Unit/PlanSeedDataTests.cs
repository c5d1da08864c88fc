using System.Text.Json;
using System.Text.RegularExpressions;

namespace CchcPortal.Tests.Unit;

/// <summary>
/// The five real plans transcribed as data (content/seed/plans/documents.json and activities/*.json), checked
/// against the Markdown sources they were transcribed from.
/// </summary>
public partial class PlanSeedDataTests
{
    private static readonly string PlansDir = Path.Combine(AppContext.BaseDirectory, "seed", "plans");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record PlanDocument(string File, string Number, string DocType, string Issuer, DateOnly? IssuedOn,
        string Summary, string Field, int Year, string UnitName, string OldPostSlug);
    private sealed record Activity(string Section, string Content, string Form, string Lead, string Coordinating, string Timing);

    // The addresses earlier builds published the plans at, as news posts: they must keep redirecting.
    private static readonly Dictionary<string, string> PublishedPostSlugs = new()
    {
        ["tp-quang-ngai-2019.md"] = "ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2019-thanh-pho-quang-ngai",
        ["dak-lak-2021.md"] = "ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nha-nuoc-nam-2021-tinh-dak-lak",
        ["tra-bong-2022.md"] = "ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-huyen-tra-bong-nam-2022",
        ["tam-diep-2022.md"] = "ke-hoach-tuyen-truyen-cong-tac-cai-cach-hanh-chinh-thanh-pho-tam-diep-nam-2022",
        ["bac-kan-2024.md"] = "ke-hoach-tuyen-truyen-cong-tac-cai-cach-hanh-chinh-tinh-bac-kan-nam-2024",
    };

    private static T Load<T>(params string[] parts) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine([PlansDir, .. parts])), Json)!;

    [GeneratedRegex(@"^\d+[a-z]?/\p{Lu}+(?:[-/]\p{Lu}+)*$")]
    private static partial Regex NumberShape();

    // The "Số:" line of the source: digits (possibly none, in a draft), then "/" and the letters.
    [GeneratedRegex(@"^Số:\s*(\d*)\s*/(\S+)", RegexOptions.Multiline)]
    private static partial Regex SourceNumberLine();

    [Fact]
    public void Five_plans_transcribed_with_activities_and_numbers_as_the_sources_carry_them()
    {
        var documents = Load<List<PlanDocument>>("documents.json");
        Assert.Equal(5, documents.Count);
        Assert.Equal(PublishedPostSlugs.Keys.Order(), documents.Select(d => d.File).Order());

        var activityCounts = new Dictionary<string, int>();
        foreach (var doc in documents)
        {
            var source = File.ReadAllText(Path.Combine(PlansDir, doc.File));
            Assert.Equal(PublishedPostSlugs[doc.File], doc.OldPostSlug);
            Assert.False(string.IsNullOrWhiteSpace(doc.DocType), doc.File);
            Assert.False(string.IsNullOrWhiteSpace(doc.Issuer), doc.File);
            Assert.False(string.IsNullOrWhiteSpace(doc.Summary), doc.File);
            Assert.False(string.IsNullOrWhiteSpace(doc.UnitName), doc.File);
            Assert.Equal("Cải cách hành chính", doc.Field);
            Assert.Contains(doc.Year.ToString(), doc.Summary);

            var numberLine = SourceNumberLine().Match(source);
            Assert.True(numberLine.Success, $"{doc.File}: no \"Số:\" line in the source");
            if (numberLine.Groups[1].Value.Length == 0)
                Assert.Equal("", doc.Number);
            else
            {
                Assert.Matches(NumberShape(), doc.Number);
                Assert.Equal($"{numberLine.Groups[1].Value}/{numberLine.Groups[2].Value}", doc.Number);
            }

            if (doc.IssuedOn is { } issued)
                Assert.Contains($"ngày {issued.Day} tháng {issued.Month} năm {issued.Year}", source);

            var stem = Path.GetFileNameWithoutExtension(doc.File);
            var activities = Load<List<Activity>>("activities", stem + ".json");
            Assert.NotEmpty(activities);
            Assert.All(activities, a =>
            {
                Assert.False(string.IsNullOrWhiteSpace(a.Content), $"{stem} {a.Section}: empty content");
                Assert.False(string.IsNullOrWhiteSpace(a.Section), $"{stem}: activity without a section");
            });
            activityCounts[stem] = activities.Count;
        }

        // Only Quảng Ngãi 2019 carries a number and a day; the four others are drafts ("Số: /KH-UBND").
        Assert.Equal(["37/KH-UBND"], documents.Where(d => d.Number != "").Select(d => d.Number));
        Assert.Equal(new DateOnly(2019, 3, 22), documents.Single(d => d.Number != "").IssuedOn);
        Assert.Equal("Quyết định", documents.Single(d => d.File == "dak-lak-2021.md").DocType);

        // Bắc Kạn 2024's appendix table has 11 rows (STT 1-11).
        Assert.Equal(11, activityCounts["bac-kan-2024"]);
        var bacKan = Load<List<Activity>>("activities", "bac-kan-2024.json");
        Assert.Equal(Enumerable.Range(1, 11).Select(i => i.ToString()), bacKan.Select(a => a.Section));
        Assert.Equal("Theo tháng hoặc quý", bacKan.Single(a => a.Section == "7").Timing);

        var traBong = Load<List<Activity>>("activities", "tra-bong-2022.json");
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"], traBong.Select(a => a.Section).Distinct());
    }
}
