using CchcPortal.Core.Agencies;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Documents;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>Programme episodes and documents in the index; an agency rename reaches the procedures that name it.</summary>
public class SearchMoreKindsTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private SearchResults Search(string text, string? kind = null, string? agency = null) =>
        _factory.Services.GetRequiredService<ISearchIndex>().Search(new SearchQuery { Text = text, Kind = kind, Agency = agency });

    [Fact]
    public async Task A_published_episode_is_found_with_its_page_url_and_gone_when_unpublished()
    {
        await _factory.WaitForSearchAsync();
        int id;
        using (var scope = _factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ProgrammeEpisodeService>();
            var saved = await service.SaveAsync(null, new ProgrammeEpisodeInput
            {
                AiredOn = new DateOnly(2026, 10, 15), Topic = "Cấp đổi giấy chứng nhận quyền sử dụng đất ở Ea Kao",
                Participants = "Giám đốc Sở Nông nghiệp và Môi trường", SummaryHtml = "<p>Người dân hỏi về thời hạn cấp đổi sổ.</p>",
            });
            Assert.True(saved.Succeeded);
            id = saved.Value!.Id;
        }
        await _factory.WaitForSearchAsync();
        Assert.Empty(Search("ea kao").Hits); // saved, not published: not public

        using (var scope = _factory.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ProgrammeEpisodeService>().SetPublishedAsync(id, true)).Succeeded);
        await _factory.WaitForSearchAsync();
        var hit = Search("cap doi giay chung nhan ea kao").Hits[0];
        Assert.Equal(ContentKinds.Episode, hit.Kind);
        var url = PublicPaths.Episode(id, ProgrammeEpisodeQueries.SlugOf("Cấp đổi giấy chứng nhận quyền sử dụng đất ở Ea Kao"));
        Assert.Equal(url, hit.Url);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _factory.Anonymous().GetAsync(url)).StatusCode);
        Assert.Single(Search("thủ trưởng trả lời ea kao", kind: ContentKinds.Episode).Hits);

        using (var scope = _factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ProgrammeEpisodeService>().SetPublishedAsync(id, false);
        await _factory.WaitForSearchAsync();
        Assert.Empty(Search("ea kao").Hits);
    }

    [Fact]
    public async Task A_published_document_is_found_by_number_and_summary_a_draft_is_not()
    {
        await _factory.WaitForSearchAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc);
            db.Documents.AddRange(
                new LegalDocument { Slug = "ke-hoach-215-kh-ubnd", Number = "215/KH-UBND", NumberKey = DocumentNumber.Parse("215/KH-UBND").Key, DocType = "Kế hoạch", Issuer = "UBND huyện Krông Búk",
                    IssuedOn = new DateOnly(2026, 3, 4), Summary = "Tuyên truyền chuyển đổi số trong giải quyết thủ tục năm 2026", Field = "Cải cách hành chính",
                    BodyHtml = "<p>Nâng cao nhận thức của cán bộ về chỉ số hài lòng.</p>", IsPublished = true, CreatedAt = now, UpdatedAt = now },
                new LegalDocument { Slug = "du-thao-ke-hoach", DocType = "Kế hoạch", Summary = "Dự thảo tuyên truyền về Krông Pắc", IsPublished = false, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
            // Whatever publishes documents records them in the change feed; one row per document.
            foreach (var d in await db.Documents.Where(d => d.Slug == "ke-hoach-215-kh-ubnd" || d.Slug == "du-thao-ke-hoach").ToListAsync())
                db.ContentChanges.Add(new ContentChange { Kind = DocumentText.Kind, EntityId = d.Id, At = now });
            await db.SaveChangesAsync();
        }
        await _factory.WaitForSearchAsync();

        // Other documents share some of the words; the one holding them all comes first.
        var hit = Search("tuyen truyen chuyen doi so giai quyet thu tuc", kind: ContentKinds.Document).Hits[0];
        Assert.Equal("/van-ban/ke-hoach-215-kh-ubnd", hit.Url);
        Assert.Equal("Kế hoạch số 215/KH-UBND: Tuyên truyền chuyển đổi số trong giải quyết thủ tục năm 2026", hit.Title);
        Assert.Equal("/van-ban/ke-hoach-215-kh-ubnd", Search("215/KH-UBND").Hits[0].Url);
        Assert.Empty(Search("krông pắc").Hits);
        // The five seeded plans are documents too; the draft is not counted.
        Assert.Contains(Search("kế hoạch").Facet(SearchFacets.Kind), f => f.Value == ContentKinds.Document && f.Count == 6);
    }

    [Fact]
    public async Task Renaming_an_agency_updates_the_agency_facet_of_its_procedures()
    {
        int agencyId;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var agency = await db.Agencies.SingleAsync(a => a.Slug == "so-tu-phap");
            agencyId = agency.Id;
            db.Procedures.Add(new Procedure
            {
                Code = "1.999001", Name = "Thủ tục thử nghiệm cấp phiếu xác minh Ea Súp", Slug = "thu-tuc-thu-nghiem-1-999001", Field = "Hộ tịch",
                AgencyLinks = [new ProcedureAgencyLink { AgencyId = agency.Id }],
            });
            await db.SaveChangesAsync();
            db.ContentChanges.Add(new ContentChange { Kind = ContentKinds.Procedure, EntityId = 0, At = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await _factory.WaitForSearchAsync();
        Assert.Single(Search("ea sup", agency: "Sở Tư pháp tỉnh Đắk Lắk").Hits);

        using (var scope = _factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AgencyService>();
            var a = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.Include(x => x.Hotlines).AsNoTracking().SingleAsync(x => x.Id == agencyId);
            var input = new AgencyInput
            {
                Name = "Sở Tư pháp và Hộ tịch tỉnh Đắk Lắk", ShortName = a.ShortName, Slug = a.Slug, EnglishName = a.EnglishName, LevelId = a.LevelId, Kind = a.Kind,
                ParentId = a.ParentId, Address = a.Address, Phone = a.Phone, Email = a.Email, WorkingHours = a.WorkingHours, HeadTitle = a.HeadTitle,
                IsActive = true, IsSampleData = a.IsSampleData, SortOrder = a.SortOrder,
                Hotlines = a.Hotlines.Select(h => new HotlineInput { Purpose = h.Purpose, Number = h.Number, IsFeatured = h.IsFeatured, Source = h.Source }).ToList(),
            };
            var result = await service.UpdateAsync(agencyId, input);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.All.Select(e => e.Value)));
        }
        await _factory.WaitForSearchAsync();
        Assert.Single(Search("ea sup", agency: "Sở Tư pháp và Hộ tịch tỉnh Đắk Lắk").Hits);
        Assert.Empty(Search("ea sup", agency: "Sở Tư pháp tỉnh Đắk Lắk").Hits);
    }
}
