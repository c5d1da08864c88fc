using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Common;
using CchcPortal.Core.Indices;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class IndexTests(IndexTests.Fixture fixture) : IClassFixture<IndexTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private HttpClient Client => fixture.Factory.Anonymous();

    private async Task<ImportReport> ImportAsync(string csv, int year = 2024)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IndexImporter>().ImportAsync("PAR_INDEX", year, IndexScopes.Departments, Encoding.UTF8.GetBytes(csv));
    }

    [Fact]
    public async Task Import_rejects_over_max_scores_inconsistent_totals_and_duplicates_row_by_row()
    {
        const string csv =
            "ma_don_vi,ten_don_vi,tong_diem,LV1,LV2,LV3,LV4,LV5,LV6,LV7,LV8\n" +
            "so-a,Sở A,80,10,8,12,8,12,8,12,10\n" +          // row 2: fine (sum 80)
            "so-b,Sở B,81,11,8,12,8,12,8,12,10\n" +          // row 3: LV1 11 > 10
            "so-c,Sở C,90,10,8,12,8,12,8,12,10\n" +          // row 4: total 90 vs sum 80
            "so-a,Sở A (lặp),80,10,8,12,8,12,8,12,10\n" +    // row 5: duplicate
            "so-d,Sở D,abc,,,,,,,,\n";                       // row 6: not a number
        var before = await Client.GetStringAsync("/api/indices/PAR_INDEX/2024?scope=so-nganh");
        var report = await ImportAsync(csv);
        Assert.False(report.Succeeded);
        Assert.Collection(report.Issues,
            i => { Assert.Equal(3, i.Row); Assert.Equal("lv1", i.Column); Assert.Contains("vượt tối đa 10", i.Message); },
            i => { Assert.Equal(4, i.Row); Assert.Equal("tong_diem", i.Column); Assert.Contains("khác tổng điểm các lĩnh vực 80", i.Message); },
            i => { Assert.Equal(5, i.Row); Assert.Contains("trùng với dòng 2", i.Message); },
            i => { Assert.Equal(6, i.Row); Assert.Contains("không phải là số", i.Message); });
        Assert.Equal(before, await Client.GetStringAsync("/api/indices/PAR_INDEX/2024?scope=so-nganh"));

        var unknownColumn = await ImportAsync("ten_don_vi,tong_diem,LV9\nSở A,1,1\n");
        Assert.Contains("LV9".ToLowerInvariant(), unknownColumn.FileError);
    }

    [Fact]
    public async Task Long_layout_imports_like_the_wide_one_and_names_the_first_row_of_a_bad_unit()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<IndexImporter>();
        var good = "ma_don_vi,ten_don_vi,tong_diem,ma_tieu_chi,diem\n" +
                   "so-long,Sở Thử Dạng Dọc,20,LV1,10\n" +
                   "so-long,,,LV2,5\n" +
                   "so-long,,,LV3,5\n";
        var ok = await importer.ImportAsync("PAR_INDEX", 2024, "vung", Encoding.UTF8.GetBytes(good));
        Assert.True(ok.Succeeded, ok.FileError ?? string.Join("; ", ok.Issues.Select(i => i.Message)));
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/api/indices/PAR_INDEX/2024?scope=vung"));
        var row = doc.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("slug").GetString() == "so-long");
        Assert.Equal(10m, row.GetProperty("scores").GetProperty("LV1").GetDecimal());
        Assert.Equal(5m, row.GetProperty("scores").GetProperty("LV3").GetDecimal());

        var bad = "ma_don_vi,ten_don_vi,ma_tieu_chi,diem\nso-x,Sở X,LV1,4\nso-x,Sở X,LV2,99\n";
        var rejected = await importer.ImportAsync("PAR_INDEX", 2024, "vung", Encoding.UTF8.GetBytes(bad));
        var issue = Assert.Single(rejected.Issues);
        Assert.Equal((2, "lv2"), (issue.Row, issue.Column));
    }

    [Fact]
    public async Task Sample_departmental_ranking_shares_ranks_on_ties_and_is_marked_sample()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/api/indices/PAR_INDEX/2024?scope=so-nganh"));
        var rows = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.True(r.GetProperty("sampleData").GetBoolean()));
        Assert.Equal([1, 2, 3, 4, 5, 5], rows.Select(r => r.GetProperty("rank").GetInt32()));
        var html = await Client.GetStringAsync("/chi-so-cchc/PAR_INDEX/2024?pham-vi=so-nganh");
        Assert.Contains("Dữ liệu mẫu", html);

        var page = new HtmlParser().ParseDocument(html);
        var svg = XDocument.Parse(page.QuerySelector("svg.chart")!.OuterHtml);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var bars = svg.Root!.Elements(ns + "g").ToList();
        Assert.Equal(6, bars.Count);
        var totals = rows.Select(r => r.GetProperty("total").GetDecimal().ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + "%").ToList();
        Assert.Equal(totals, bars.Select(b => b.Elements(ns + "text").Single(t => (string?)t.Attribute("class") == "bar-value").Value));
        Assert.Equal(6, page.QuerySelectorAll("table.data-table tbody tr").Length);
    }

    [Fact]
    public async Task Exported_tables_import_back_unchanged()
    {
        var csv = await Client.GetByteArrayAsync("/chi-so-cchc/PAR_INDEX/2023/xuat?scope=so-nganh&format=csv");
        var xlsx = await Client.GetByteArrayAsync("/chi-so-cchc/PAR_INDEX/2023/xuat?scope=so-nganh&format=xlsx");
        using var scope = fixture.Factory.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<IndexImporter>();
        foreach (var file in new[] { csv, xlsx })
        {
            var report = await importer.ImportAsync("PAR_INDEX", 2023, IndexScopes.Departments, file, isSample: true);
            Assert.True(report.Succeeded, report.FileError ?? string.Join("; ", report.Issues.Select(i => i.Message)));
            Assert.Equal((0, 6), (report.Added, report.Updated));
        }
    }

    [Fact]
    public async Task Trend_page_survives_a_definition_change_between_years()
    {
        var page = new HtmlParser().ParseDocument(await Client.GetStringAsync("/chi-so-cchc/don-vi/so-noi-vu"));
        var years = page.QuerySelectorAll("#idx-PAR_INDEX ~ table")[0].QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["2023", "2024"], years);
        var breakdown = page.QuerySelectorAll("tr.loss").Length;
        Assert.Equal(2, breakdown);
        Assert.Contains("Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", page.Body!.TextContent);
    }

    [Fact]
    public async Task Every_real_figure_on_the_seeded_pages_equals_the_source_csv()
    {
        // The seed file is a byte-for-byte copy of ../shared/data/vn-research/indices/par-sipas-papi-published-facts.csv.
        var csv = File.ReadAllLines(TestData.Seed("indices", "published-facts.csv")).Skip(1);
        var (table, _) = CchcPortal.Core.Common.TabularFile.Read(File.ReadAllBytes(TestData.Seed("indices", "published-facts.csv")), ["chi_so"]);
        var checkedFigures = 0;
        var shown = new HashSet<(string, string, string)>();
        foreach (var row in table!.Rows)
        {
            if (row["loai_don_vi"] is not ("province" or "ministry") || row["gia_tri"].Length == 0) continue;
            if (!shown.Add((row["chi_so"], row["nam"], row["don_vi"]))) continue; // a conflicting second source: the first is shown
            var scope = row["loai_don_vi"] == "province" ? IndexScopes.Provinces : IndexScopes.Ministries;
            using var doc = JsonDocument.Parse(await Client.GetStringAsync($"/api/indices/{row["chi_so"]}/{row["nam"]}?scope={scope}"));
            var result = doc.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("subject").GetString() == row["don_vi"]);
            Assert.Equal(decimal.Parse(row["gia_tri"], CultureInfo.InvariantCulture), result.GetProperty("total").GetDecimal());
            Assert.Equal(row["nguon_url"], result.GetProperty("sourceUrl").GetString());
            if (row["xep_hang"].Length > 0) Assert.Equal(int.Parse(row["xep_hang"]), result.GetProperty("rank").GetInt32());
            var html = await Client.GetStringAsync($"/chi-so-cchc/{row["chi_so"]}/{row["nam"]}?pham-vi={scope}");
            Assert.Contains(decimal.Parse(row["gia_tri"], CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")), html);
            checkedFigures++;
        }
        Assert.True(checkedFigures >= 30, $"only {checkedFigures} figures checked");
        var conflict = await Client.GetStringAsync("/chi-so-cchc/PAR_INDEX/2023");
        Assert.Contains("Nguồn khác (en.doanhnghiephoinhap.vn) ghi 91.81", conflict);
    }

    [Fact]
    public async Task Overview_leads_with_the_configured_unit_or_says_there_is_no_figure()
    {
        var html = await Client.GetStringAsync("/chi-so-cchc");
        Assert.Contains("Cổng thông tin chưa có số liệu công bố về chỉ số của Đắk Lắk", html);
        Assert.Contains("88,37%", html); // the latest PAR Index year's national average
    }

    [Fact]
    public async Task Unknown_index_year_or_scope_is_404_and_sample_data_is_deleted_in_one_action()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/chi-so-cchc/PAR_INDEX/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/chi-so-cchc/PAR_INDEX/2023?pham-vi=khong-co")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/indices/KHONG/2023")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/chi-so-cchc/gioi-thieu")).StatusCode);
        Assert.Contains("Hải Phòng", await Client.GetStringAsync("/chi-so-cchc/so-sanh?a=hai-phong&b=quang-ninh"));
    }
}
