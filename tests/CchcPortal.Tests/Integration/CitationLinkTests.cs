using System.Net;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Documents;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class CitationLinkTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_post_citing_a_library_document_links_to_it_and_the_document_lists_the_post()
    {
        var editor = await _factory.EditorAsync();
        int categoryId;
        using (var scope = _factory.Services.CreateScope())
            categoryId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.FirstAsync()).Id;
        var publish = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Publish", new()
        {
            ["Input.Title"] = "Thành phố Quảng Ngãi sơ kết tuyên truyền cải cách hành chính",
            ["Input.BodyHtml"] = "<p>Thực hiện <strong>Kế hoạch số 37/KH-UBND</strong> ngày 22/3/2019 của UBND thành phố và Nghị quyết số 999/NQ-CP ngày 01/01/2024 của Chính phủ, các phường đã tổ chức tuyên truyền.</p>",
            ["Input.CategoryId"] = categoryId.ToString(),
        }, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        string postSlug, documentSlug;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var post = await db.Posts.SingleAsync(p => p.Title.StartsWith("Thành phố Quảng Ngãi sơ kết"));
            postSlug = post.Slug;
            var document = await db.Documents.SingleAsync(d => d.Number == "37/KH-UBND");
            documentSlug = document.Slug;
            var links = await db.CitationLinks.Where(c => c.SourceKind == ContentKinds.News && c.SourceId == post.Id).ToListAsync();
            Assert.Equal(2, links.Count);
            Assert.Equal(document.Id, links.Single(l => l.Key == document.NumberKey).DocumentId);
            Assert.Null(links.Single(l => l.Key != document.NumberKey).DocumentId);
        }

        var article = WebUtility.HtmlDecode(await _factory.Anonymous().GetStringAsync($"/tin-tuc/{postSlug}"));
        Assert.Contains("Văn bản được nhắc đến", article);
        Assert.Contains($"href=\"/van-ban/{documentSlug}\"", article);
        var documentPage = WebUtility.HtmlDecode(await _factory.Anonymous().GetStringAsync($"/van-ban/{documentSlug}"));
        Assert.Contains("Được dẫn chiếu tại", documentPage);
        Assert.Contains("Thành phố Quảng Ngãi sơ kết tuyên truyền cải cách hành chính", documentPage);

        // The unknown one is listed for editors; the seeded plans' own references are there too.
        var missing = WebUtility.HtmlDecode(await editor.GetStringAsync("/quan-tri/van-ban-chua-co"));
        Assert.Contains("999/NQ-CP", missing);
        Assert.Contains("76/NQ-CP", missing); // cited by the Bắc Kạn 2024 plan
        Assert.DoesNotContain("37/KH-UBND ngày 22/3/2019", missing);
    }

    [Fact]
    public async Task A_procedures_legal_basis_links_to_the_library_document_with_that_number()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = DateTime.UtcNow;
            db.Documents.Add(new LegalDocument { Slug = "nghi-dinh-123-2015", Number = "123/2015/NĐ-CP", NumberKey = DocumentNumber.Parse("123/2015/NĐ-CP").Key, DocType = "Nghị định", Issuer = "Chính phủ", Summary = "Quy định chi tiết một số điều của Luật Hộ tịch", IsPublished = true, CreatedAt = now, UpdatedAt = now });
            db.Procedures.Add(new Procedure
            {
                Code = "9.999001", Name = "Thủ tục thử liên kết căn cứ", Slug = "thu-tuc-thu-lien-ket-can-cu", Field = "Hộ tịch",
                LegalBases = [new LegalBasis { Name = "Nghị định quy định chi tiết Luật Hộ tịch", Number = "123/2015/nđ-cp" }, new LegalBasis { Name = "Luật Hộ tịch", Number = "60/2014/QH13", SortOrder = 1 }],
            });
            await db.SaveChangesAsync();
        }
        var html = WebUtility.HtmlDecode(await _factory.Anonymous().GetStringAsync("/thu-tuc-hanh-chinh/thu-tuc-thu-lien-ket-can-cu"));
        Assert.Contains("<a href=\"/van-ban/nghi-dinh-123-2015\">Nghị định quy định chi tiết Luật Hộ tịch</a>", html);
        Assert.DoesNotContain("<a href=\"/van-ban/\">Luật Hộ tịch", html);
        Assert.Contains("Luật Hộ tịch <strong>(60/2014/QH13)</strong>", html);
    }
}
