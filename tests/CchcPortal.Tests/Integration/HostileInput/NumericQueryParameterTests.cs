using System.Net;

namespace CchcPortal.Tests.Integration.HostileInput;

/// <summary>Years, pages, page sizes and ids typed by hand in a URL: out of range is 400, 404 or ignored, never 5xx.</summary>
public sealed class NumericQueryParameterTests
{
    private static readonly string[] Values = ["0", "1", "10000", "-5", "2147483647", "-2147483648", "99999999999", "abc", "1.5", ""];

    private static readonly string[] PublicLists =
    [
        "/hoi-dap/da-tra-loi?nam={0}", "/hoi-dap/da-tra-loi?trang={0}", "/hoi-dap/da-tra-loi?co-quan={0}",
        "/hoi-dap/thong-ke?nam={0}", "/hoi-dap/chuong-trinh?trang={0}",
        "/tin-tuc?trang={0}", "/tin-tuc/chuyen-muc/tin-hoat-dong-cchc?trang={0}",
        "/van-ban?nam={0}", "/van-ban?trang={0}",
        "/thu-tuc-hanh-chinh?trang={0}", "/thu-tuc-hanh-chinh?co-quan={0}",
        "/chi-so-cchc/PAR_INDEX/{0}", "/chi-so-cchc/PAR_INDEX/{0}/xuat", "/ke-hoach-tuyen-truyen/{0}",
        "/tim-kiem?q=khai+sinh&nam={0}", "/tim-kiem?q=khai+sinh&trang={0}",
        "/api/search?q=khai+sinh&nam={0}", "/api/search?q=khai+sinh&trang={0}", "/api/search?q=khai+sinh&pageSize={0}",
        "/api/procedures?page={0}", "/api/procedures?pageSize={0}", "/api/procedures?agency={0}",
        "/api/indices/PAR_INDEX/{0}", "/api/agencies?includeInactive={0}",
        "/hoi-dap/chuong-trinh/{0}",
    ];

    private static readonly string[] ManagerLists =
    [
        "/quan-tri/bai-viet?trang={0}", "/quan-tri/bai-viet?chuyen-muc={0}", "/quan-tri/van-ban?trang={0}",
        "/quan-tri/thu-tuc?trang={0}", "/quan-tri/thu-vien?trang={0}", "/quan-tri/chi-so/PAR_INDEX/nam/{0}",
        "/quan-tri/chi-so/PAR_INDEX/nam/2024?nam={0}", "/quan-tri/bai-viet/sua/{0}", "/quan-tri/hoi-dap/{0}",
    ];

    [Fact]
    public async Task No_year_page_or_id_in_a_public_url_answers_a_server_error()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        var failures = await ServerErrorsAsync(client, PublicLists);
        Assert.True(failures.Count == 0, "5xx for: " + string.Join(", ", failures));

        // A year outside the data is an empty list, not an error; a page past the end is 404.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hoi-dap/da-tra-loi?nam=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tin-tuc?trang=2147483647")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/procedures?page=abc")).StatusCode);
    }

    [Fact]
    public async Task No_year_page_or_id_in_a_manager_url_answers_a_server_error()
    {
        using var factory = new PortalFactory();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var failures = await ServerErrorsAsync(admin, ManagerLists);
        Assert.True(failures.Count == 0, "5xx for: " + string.Join(", ", failures));
    }

    private static async Task<List<string>> ServerErrorsAsync(HttpClient client, IEnumerable<string> templates)
    {
        var failures = new List<string>();
        foreach (var template in templates)
        foreach (var value in Values)
        {
            var url = string.Format(template, Uri.EscapeDataString(value));
            var response = await client.GetAsync(url);
            if ((int)response.StatusCode >= 500) failures.Add($"{url} → {(int)response.StatusCode}");
        }
        return failures;
    }
}
