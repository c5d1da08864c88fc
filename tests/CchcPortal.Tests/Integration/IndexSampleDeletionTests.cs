using System.Net;

namespace CchcPortal.Tests.Integration;

public class IndexSampleDeletionTests
{
    [Fact]
    public async Task The_overview_leads_with_the_unit_set_in_the_settings()
    {
        using var factory = new PortalFactory();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var form = await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]");
        var saved = await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(form.With("Input.IndexSubjectName", "Hải Phòng")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await factory.Anonymous().GetStringAsync("/chi-so-cchc"));
        Assert.Contains("<h2 id=\"ours-title\">Hải Phòng</h2>", html);
        Assert.Contains("96,17%", html);
        Assert.Contains("Xếp hạng 1", html);
        Assert.Contains("So với 2023: tăng 4,3", html);
    }

    [Fact]
    public async Task An_administrator_removes_all_sample_figures_with_one_action()
    {
        using var factory = new PortalFactory();
        var anonymous = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/chi-so-cchc/don-vi/so-noi-vu")).StatusCode);
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var response = await admin.PostFormAsync("/quan-tri/chi-so?handler=DeleteSample", new(), "/quan-tri/chi-so");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/chi-so-cchc/don-vi/so-noi-vu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/chi-so-cchc/PAR_INDEX/2024?pham-vi=so-nganh")).StatusCode);
        // Real figures stay.
        Assert.Contains("Hải Phòng", await anonymous.GetStringAsync("/chi-so-cchc/PAR_INDEX/2024"));
    }
}
