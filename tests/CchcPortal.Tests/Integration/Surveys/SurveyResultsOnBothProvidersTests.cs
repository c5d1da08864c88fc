using System.Net;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.Indices;
using CchcPortal.Core.Surveys;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Surveys;

/// <summary>
/// The survey's grouped queries (per agency, per month, counted only) and the publishing into SIPAS, on SQLite and on
/// PostgreSQL: the figures the ranking page then shows are the measured ones, and the year's sample rows are gone.
/// </summary>
public abstract class SurveyResultsTests(SurveyResultsTests.Fixture fixture)
{
    public abstract class Fixture : IDisposable
    {
        public PortalFactory Factory { get; }
        protected Fixture(TestDatabase provider) =>
            Factory = new PortalFactory(provider: provider, settings: new Dictionary<string, string> { ["Portal:SurveyMinimumResponses"] = "4" });
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => fixture.Factory;

    private static SurveyResponse Response(int agencyId, int month, int rating, SurveyResponseStatus status = SurveyResponseStatus.Counted) => new()
    {
        AgencyId = agencyId, Channel = SurveyChannel.Online, Month = month, Status = status, SubmittedAt = new DateTime(month / 100, month % 100, 10, 3, 0, 0, DateTimeKind.Utc),
        AccessRating = rating, ProcedureRating = rating, OfficialRating = Math.Min(5, rating + 1), ResultRating = rating, FeedbackRating = 3,
    };

    [Fact]
    public async Task Results_group_counted_responses_by_agency_and_month_and_publish_into_sipas()
    {
        int measured = await F.AgencyIdAsync("so-thong-tin-va-truyen-thong"), few = await F.AgencyIdAsync("bao-dak-lak");
        await F.WithDbAsync(async db =>
        {
            // 2025: 5 counted (3 satisfied in access, 5 in "công chức"), one flagged and one rejected that must not count.
            db.Set<SurveyResponse>().AddRange(
                Response(measured, 202503, 5), Response(measured, 202503, 4), Response(measured, 202507, 4), Response(measured, 202507, 3), Response(measured, 202507, 3),
                Response(measured, 202507, 1, SurveyResponseStatus.Flagged), Response(measured, 202508, 1, SurveyResponseStatus.Rejected),
                Response(few, 202505, 5), Response(measured, 202402, 5));
            var year = await db.IndexYears.SingleOrDefaultAsync(y => y.Index!.Code == "SIPAS" && y.Year == 2025);
            var sipas = await db.IndexDefinitions.SingleAsync(d => d.Code == "SIPAS");
            year ??= db.IndexYears.Add(new IndexYear { IndexDefinitionId = sipas.Id, Year = 2025 }).Entity;
            foreach (var slug in new[] { "so-thong-tin-va-truyen-thong", "so-noi-vu" })
                db.IndexResults.Add(new IndexResult { IndexYear = year, Scope = IndexScopes.Departments, SubjectName = "Mẫu " + slug, SubjectSlug = slug, Total = 99.9m, IsSampleData = true });
            return await db.SaveChangesAsync();
        });

        using (var scope = F.Services.CreateScope())
        {
            var results = scope.ServiceProvider.GetRequiredService<SurveyResults>();
            var year = await results.YearAsync(2025);
            Assert.Equal([("so-thong-tin-va-truyen-thong", 5, true), ("bao-dak-lak", 1, false)], year.Select(r => (r.Slug, r.Counts.Responses, r.Enough)));
            Assert.Equal([3, 3, 5, 3, 0], year[0].Counts.Satisfied);
            Assert.Equal(56, year[0].Counts.Overall, 6);
            Assert.Equal([2025, 2024], await results.YearsAsync());
            var report = (await results.AgencyAsync("so-thong-tin-va-truyen-thong", 2025))!;
            Assert.Equal([(202503, 2, 2), (202507, 3, 1)], report.Months.Select(m => (m.Month, m.Counts.Responses, m.Counts.Satisfied[0])));
        }

        var admin = await F.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var published = await admin.PostFormAsync("/quan-tri/danh-gia-hai-long/cong-bo", new() { ["Year"] = "2025" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("/chi-so-cchc/SIPAS/2025?pham-vi=so-nganh", published.Headers.Location!.OriginalString);
        var ranking = WebUtility.HtmlDecode(await F.Anonymous().GetStringAsync("/chi-so-cchc/SIPAS/2025?pham-vi=so-nganh"));
        Assert.Contains("Sở Thông tin và Truyền thông", ranking);
        Assert.Contains("56", ranking);
        Assert.DoesNotContain("Mẫu so-noi-vu", ranking);
        Assert.DoesNotContain("99,9", ranking);
        await F.WithDbAsync(async db =>
        {
            var rows = await db.IndexResults.Include(r => r.Scores).Where(r => r.IndexYear!.Index!.Code == "SIPAS" && r.IndexYear.Year == 2025 && r.Scope == IndexScopes.Departments).ToListAsync();
            var row = Assert.Single(rows);
            Assert.Equal((56m, false, measured), (row.Total, row.IsSampleData, row.AgencyId));
            Assert.Equal(100m, row.Scores.Single(s => s.CriterionCode == "CONG-CHUC-TRUC-TIEP-GIAI-QUYET").Value);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SurveyPublished));
            return 0;
        });

        // A year without enough responses publishes nothing and says why.
        var refused = await admin.PostFormAsync("/quan-tri/danh-gia-hai-long/cong-bo", new() { ["Year"] = "2024" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("chưa có cơ quan nào đủ 4 phiếu", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }
}

public sealed class SurveyResultsOnSqliteTests(SurveyResultsOnSqliteTests.SqliteFixture fixture)
    : SurveyResultsTests(fixture), IClassFixture<SurveyResultsOnSqliteTests.SqliteFixture>
{
    public sealed class SqliteFixture() : Fixture(TestDatabase.Sqlite);
}

public sealed class SurveyResultsOnPostgreSqlTests(SurveyResultsOnPostgreSqlTests.PostgreSqlFixture fixture)
    : SurveyResultsTests(fixture), IClassFixture<SurveyResultsOnPostgreSqlTests.PostgreSqlFixture>
{
    public sealed class PostgreSqlFixture() : Fixture(TestDatabase.PostgreSql);
}
