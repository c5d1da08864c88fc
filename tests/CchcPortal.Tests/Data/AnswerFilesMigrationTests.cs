using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using CchcPortal.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CchcPortal.Tests.Data;

/// <summary>Cases and files stored before answers had files and cases a procedure: all kept, files the citizen's.</summary>
public class AnswerFilesMigrationTests
{
    [Fact]
    public async Task Old_cases_and_their_files_survive_as_citizen_files_without_a_procedure()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migration-{Guid.NewGuid():N}.db");
        try
        {
            var builder = new DbContextOptionsBuilder<PortalDbContext>();
            builder.UsePortalSqlite(file);
            await using var db = new PortalDbContext(builder.Options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261203130750_CaseSuggestedAgency");

            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO QuestionCases (Code, SecretHash, Kind, AgencyId, SuggestedAgencyId, Field, Title, Content, SubmitterName, SubmitterPhone, SubmitterEmail,
                    SubmitterArea, ConsentToPublish, Channel, Status, SubmittedAt, ModerationDue, AssignedAt, DraftHtml, AnswerHtml, SignedBy,
                    PublicContent, IsPublished, DuplicateOfCode)
                VALUES ('HD-2026-000001', 'x', 0, NULL, NULL, '', 'Tiêu đề', 'Nội dung', 'Tên', '', '', '', 0, 'web', 0, '2026-11-20 08:00:00', '2026-11-24', NULL, '', '', '', '', 0, '');
                INSERT INTO CaseAttachments (CaseId, FileName, ContentType, Length, StoredPath, Sha256, UploadedAt)
                VALUES ((SELECT Id FROM QuestionCases), 'don.pdf', 'application/pdf', 10, '2026/11/a.pdf', '', '2026-11-20 08:00:00');
                """);

            await migrator.MigrateAsync();

            var c = await db.QuestionCases.AsNoTracking().Include(x => x.Attachments).SingleAsync();
            Assert.Equal("HD-2026-000001", c.Code);
            Assert.Null(c.ProcedureId);
            var attachment = Assert.Single(c.Attachments);
            Assert.Equal(("don.pdf", AttachmentOrigin.Citizen), (attachment.FileName, attachment.Origin));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
