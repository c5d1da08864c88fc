using System.Text.Json;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>Over the 1,601 seeded procedures (slower start-up, so one factory for the collection).</summary>
[Collection(SeededSearchCollection.Name)]
public class SearchOverProceduresTests(SeededSearchFixture fixture)
{
    private async Task<JsonElement> SearchAsync(string q, string extra = "")
    {
        var json = await fixture.Factory.Anonymous().GetStringAsync("/api/search?q=" + Uri.EscapeDataString(q) + extra);
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public async Task A_procedure_code_alone_finds_that_procedure_first()
    {
        string code, name;
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var p = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Procedures.OrderBy(p => p.Id).Skip(100).FirstAsync();
            (code, name) = (p.Code, p.Name);
        }
        var first = (await SearchAsync(code)).GetProperty("items")[0];
        Assert.Equal(code, first.GetProperty("procedureCode").GetString());
        Assert.Equal(name, first.GetProperty("title").GetString());
        Assert.Equal("procedure", first.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Typing_without_diacritics_finds_the_procedure_with_them()
    {
        var result = await SearchAsync("dang ky khai sinh", "&loai=procedure");
        var titles = result.GetProperty("items").EnumerateArray().Take(3).Select(i => i.GetProperty("title").GetString()!).ToList();
        Assert.Contains(titles, t => t.Contains("đăng ký khai sinh", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<mark>", result.GetProperty("items")[0].GetProperty("snippet").GetString());
        var facets = result.GetProperty("facets");
        Assert.True(facets.GetProperty("field").GetArrayLength() > 0);
        Assert.Contains(facets.GetProperty("field").EnumerateArray(), f => f.GetProperty("value").GetString() == "Hộ tịch");
    }

    [Fact]
    public async Task The_results_page_has_kind_tabs_with_counts_and_filters()
    {
        var html = await fixture.Factory.Anonymous().GetStringAsync("/tim-kiem?q=thu+tuc+ho+tich");
        Assert.Matches(@"Thủ tục hành chính \(\d+\)", html);
        Assert.Contains("name=\"linh-vuc\"", html);
        Assert.Contains("Có phải bạn muốn tìm", html);
        Assert.Contains("thủ tục hộ tịch", html);
    }
}
