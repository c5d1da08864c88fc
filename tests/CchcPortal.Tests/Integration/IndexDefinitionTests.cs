using System.Net;

namespace CchcPortal.Tests.Integration;

public class IndexDefinitionTests
{
    [Fact]
    public async Task Editor_changes_criteria_trees_and_the_explanation_safely()
    {
        using var factory = new PortalFactory();
        var editor = await factory.EditorAsync();
        var anonymous = factory.Anonymous();

        // Removing a criterion that already has scores is refused, with the reason.
        const string url2024 = "/quan-tri/chi-so/PAR_INDEX/nam/2024";
        var form = await editor.BrowserFormAsync(url2024, "#year-form");
        var lv8 = form.First(f => f.Value == "LV8").Key;          // Input.Criteria[7].Code
        var prefix = lv8[..lv8.LastIndexOf('.')];
        var withoutLv8 = form.Where(f => !f.Key.StartsWith(prefix + ".")).ToList();
        var refused = await editor.PostAsync(url2024, new FormUrlEncodedContent(withoutLv8));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Không thể bỏ tiêu chí LV8: đang có điểm của 6 đơn vị.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // Saving the tree unchanged replaces its rows without tripping the unique (year, code) index.
        var same = await editor.PostAsync(url2024, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        Assert.Contains("Cải cách thể chế", await anonymous.GetStringAsync("/chi-so-cchc/PAR_INDEX/2024?pham-vi=so-nganh"));

        // A new year with its own tree: field maxima must add up to the maximum total.
        var newYear = await editor.BrowserFormAsync("/quan-tri/chi-so/PAR_INDEX/nam?nam=2025", "#year-form");
        var bad = newYear.With("Input.Criteria[0].Code", "A").With("Input.Criteria[0].Name", "Lĩnh vực A").With("Input.Criteria[0].MaxScore", "60")
            .With("Input.Criteria[1].Code", "B").With("Input.Criteria[1].Name", "Lĩnh vực B").With("Input.Criteria[1].MaxScore", "30");
        var mismatch = await editor.PostAsync("/quan-tri/chi-so/PAR_INDEX/nam", new FormUrlEncodedContent(bad));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Contains("Tổng điểm tối đa các lĩnh vực (90) phải bằng điểm tối đa của chỉ số (100).", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        var good = await editor.PostAsync("/quan-tri/chi-so/PAR_INDEX/nam", new FormUrlEncodedContent(bad.With("Input.Criteria[1].MaxScore", "40")
            .With("Input.Criteria[2].Code", "A.1").With("Input.Criteria[2].Name", "Tiêu chí A.1").With("Input.Criteria[2].ParentCode", "A").With("Input.Criteria[2].MaxScore", "20")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/chi-so-cchc/PAR_INDEX/2025")).StatusCode); // a new year starts unpublished
        var saved = await editor.GetStringAsync("/quan-tri/chi-so/PAR_INDEX/nam/2025");
        Assert.Contains("value=\"A.1\"", saved);

        // The explanation is editable content, sanitized.
        Assert.Contains("Bộ Nội vụ công bố", await anonymous.GetStringAsync("/chi-so-cchc/gioi-thieu"));
        var description = await editor.PostFormAsync("/quan-tri/chi-so/PAR_INDEX", new() { ["DescriptionHtml"] = "<p>Giới thiệu mới về PAR Index.</p><script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.Redirect, description.StatusCode);
        var about = await anonymous.GetStringAsync("/chi-so-cchc/gioi-thieu");
        Assert.Contains("Giới thiệu mới về PAR Index.", about);
        Assert.DoesNotContain("alert(1)", about);
    }

    [Fact]
    public async Task One_result_is_entered_by_hand_with_the_import_checks()
    {
        using var factory = new PortalFactory();
        var editor = await factory.EditorAsync();
        const string url = "/quan-tri/chi-so/PAR_INDEX/nam/2024/ket-qua";
        var form = await editor.BrowserFormAsync(url, "#result-form");
        var over = await editor.PostAsync(url, new FormUrlEncodedContent(form.With("Cells[ten_don_vi]", "Sở Y tế tỉnh Đắk Lắk").With("Cells[LV1]", "12")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Contains("vượt tối đa 10", WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync()));
        var saved = await editor.PostAsync(url, new FormUrlEncodedContent(form.With("Cells[ten_don_vi]", "Sở Y tế tỉnh Đắk Lắk").With("Cells[tong_diem]", "77,5").With("Cells[LV1]", "9,5")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await factory.Anonymous().GetStringAsync("/chi-so-cchc/don-vi/so-y-te-tinh-dak-lak");
        Assert.Contains("77,5%", page);
    }
}
