using System.Net;

namespace CchcPortal.Tests.Integration;

public class IndexSampleDeletionTests
{
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
