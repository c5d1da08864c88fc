using System.Text.Json;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

/// <summary>
/// The seeded directory dials only numbers read in a public source (issue 20): a tap on the hotline board must never
/// ring a stranger. Each number, e-mail and website names its source in the row's `nguon` cell, and each number is in
/// the source table of content/seed/README.md.
/// </summary>
public class DirectorySeedTests
{
    private static readonly string SeedDir = Path.Combine(AppContext.BaseDirectory, "seed");

    private static IReadOnlyList<TableRow> Rows()
    {
        var (table, error) = TabularFile.Read(File.ReadAllBytes(Path.Combine(SeedDir, "directory.csv")), AgencyTable.Required);
        Assert.True(table is not null, error);
        return table!.Rows;
    }

    private static IEnumerable<string> Numbers(TableRow row)
    {
        if (row[AgencyTable.Phone].Length > 0) yield return row[AgencyTable.Phone];
        var (hotlines, error) = AgencyTable.ParseHotlines(row[AgencyTable.Hotlines]);
        Assert.Null(error);
        foreach (var h in hotlines) yield return h.Number;
    }

    [Fact]
    public void Every_number_e_mail_and_website_of_the_seed_directory_names_its_source()
    {
        var readme = File.ReadAllText(Path.Combine(SeedDir, "README.md"));
        var numbers = 0;
        foreach (var row in Rows())
        {
            var source = row["nguon"];
            foreach (var number in Numbers(row))
            {
                numbers++;
                Assert.True(PhoneNumber.TryParse(number, out _, out var error), error);
                var at = source.IndexOf(number + ": ", StringComparison.Ordinal);
                Assert.True(at >= 0 && source.Length > at + number.Length + 10,
                    $"{row[AgencyTable.Slug]}: {number} has no source in the nguon column (earlier seeds invented 0262.385xxxx numbers)");
                Assert.Contains($"| {number} |", readme);
            }
            var email = row[AgencyTable.Email];
            if (email.Length > 0 && !email.EndsWith("example.vn", StringComparison.Ordinal))
                Assert.Contains("email: ", source);
            if (row[AgencyTable.Website].Length > 0)
                Assert.Contains("website: ", source);
        }
        Assert.True(numbers >= 2, "the two sourced lines (1022 and the programme's) are seeded");
    }

    [Fact]
    public void No_seeded_number_is_in_the_range_the_demo_used_to_invent()
    {
        foreach (var row in Rows())
            foreach (var number in Numbers(row))
                Assert.False(PhoneNumber.ParseOrNull(number)!.National.StartsWith("0262385", StringComparison.Ordinal),
                    $"{row[AgencyTable.Slug]}: {number}");
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedDir, "site.json"))).RootElement.GetProperty("settings");
        foreach (var field in new[] { "phone", "hotline", "programmeHotline" })
            Assert.DoesNotContain("3852", settings.GetProperty(field).GetString()!.Replace(".", "").Replace(" ", ""));
    }

    [Fact]
    public void The_site_hotline_is_the_sourced_administrative_procedures_line_and_the_programme_keeps_its_own()
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedDir, "site.json"))).RootElement.GetProperty("settings");
        var hotline = settings.GetProperty("hotline").GetString();
        var programme = settings.GetProperty("programmeHotline").GetString();
        var board = Rows().SelectMany(r => AgencyTable.ParseHotlines(r[AgencyTable.Hotlines]).Hotlines).Where(h => h.IsFeatured).ToList();

        var cchc = Assert.Single(board, h => h.Number == hotline);
        Assert.Contains("thủ tục hành chính", cchc.Purpose);
        var tv = Assert.Single(board, h => h.Number == programme);
        Assert.Contains("Dân hỏi – Thủ trưởng cơ quan hành chính trả lời", tv.Purpose);
        Assert.NotEqual(hotline, programme);
        var note = settings.GetProperty("licenceNote").GetString()!;
        Assert.Contains(hotline!, note);
        Assert.Contains(programme!, note);
    }
}
