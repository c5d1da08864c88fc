using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using CchcPortal.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CchcPortal.Tests.Data;

/// <summary>
/// Cases stored before the suggestion had its own column carry the form's agency as their handling agency. The
/// migration keeps it as the suggestion and takes it away from every case a moderator never assigned.
/// </summary>
public class CaseSuggestedAgencyMigrationTests
{
    [Fact]
    public async Task The_forms_agency_becomes_the_suggestion_and_only_assigned_cases_keep_an_agency()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migration-{Guid.NewGuid():N}.db");
        try
        {
            var builder = new DbContextOptionsBuilder<PortalDbContext>();
            builder.UsePortalSqlite(file);
            await using var db = new PortalDbContext(builder.Options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261203092216_SearchIndexFailures");

            async Task InsertAsync(string code, int status, int? agencyId, string? assignedAt) => await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO QuestionCases (Code, SecretHash, Kind, AgencyId, Field, Title, Content, SubmitterName, SubmitterPhone, SubmitterEmail,
                    SubmitterArea, ConsentToPublish, Channel, Status, SubmittedAt, ModerationDue, AssignedAt, DraftHtml, AnswerHtml, SignedBy,
                    PublicContent, IsPublished, DuplicateOfCode)
                VALUES ({0}, 'x', 2, {1}, '', 'Tiêu đề', 'Nội dung', 'Tên', '', '', '', 0, 'web', {2}, '2026-11-20 08:00:00', '2026-11-24', {3}, '', '', '', '', 0, '')
                """, code, agencyId!, status, assignedAt!);
            await InsertAsync("HD-2026-000001", (int)CaseStatus.Submitted, 7, null);
            await InsertAsync("HD-2026-000002", (int)CaseStatus.Accepted, 7, null);
            await InsertAsync("HD-2026-000003", (int)CaseStatus.Rejected, 7, null);
            await InsertAsync("HD-2026-000004", (int)CaseStatus.Drafting, 8, "2026-11-21 08:00:00");
            await InsertAsync("HD-2026-000005", (int)CaseStatus.Submitted, null, null);

            await migrator.MigrateAsync();

            var rows = await db.QuestionCases.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.AgencyId, c.SuggestedAgencyId }).ToListAsync();
            Assert.Equal(
                [("HD-2026-000001", (int?)null, (int?)7), ("HD-2026-000002", null, 7), ("HD-2026-000003", null, 7), ("HD-2026-000004", 8, 8), ("HD-2026-000005", null, null)],
                rows.Select(r => (r.Code, r.AgencyId, r.SuggestedAgencyId)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
