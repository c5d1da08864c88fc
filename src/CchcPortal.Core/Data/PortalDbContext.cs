using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Core.Search;
using CchcPortal.Core.Settings;
using CchcPortal.Core.StaticPages;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CchcPortal.Core.Data;

/// <summary>The portal's database, provider-neutral; migrations live in one assembly per provider.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<StaticPage> StaticPages => Set<StaticPage>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<SearchIndexFailure> SearchIndexFailures => Set<SearchIndexFailure>();
    public DbSet<Search.Vocabulary.SearchVocabularyEntry> SearchVocabularyEntries => Set<Search.Vocabulary.SearchVocabularyEntry>();
    public DbSet<SeedRecord> SeedRecords => Set<SeedRecord>();
    public DbSet<Agencies.Agency> Agencies => Set<Agencies.Agency>();
    public DbSet<Agencies.AgencyHotline> AgencyHotlines => Set<Agencies.AgencyHotline>();
    public DbSet<Agencies.AdministrativeLevel> AdministrativeLevels => Set<Agencies.AdministrativeLevel>();
    public DbSet<Procedures.Procedure> Procedures => Set<Procedures.Procedure>();
    public DbSet<Procedures.ProcedureChannel> ProcedureChannels => Set<Procedures.ProcedureChannel>();
    public DbSet<Procedures.DossierItem> DossierItems => Set<Procedures.DossierItem>();
    public DbSet<Procedures.LegalBasis> LegalBases => Set<Procedures.LegalBasis>();
    public DbSet<Procedures.ProcedureAgencyLink> ProcedureAgencyLinks => Set<Procedures.ProcedureAgencyLink>();
    public DbSet<Procedures.ProcedureHistoryEntry> ProcedureHistory => Set<Procedures.ProcedureHistoryEntry>();
    public DbSet<Indices.IndexDefinition> IndexDefinitions => Set<Indices.IndexDefinition>();
    public DbSet<Indices.IndexYear> IndexYears => Set<Indices.IndexYear>();
    public DbSet<Indices.IndexCriterion> IndexCriteria => Set<Indices.IndexCriterion>();
    public DbSet<Indices.IndexResult> IndexResults => Set<Indices.IndexResult>();
    public DbSet<Indices.IndexScore> IndexScores => Set<Indices.IndexScore>();
    public DbSet<Questions.QuestionCase> QuestionCases => Set<Questions.QuestionCase>();
    public DbSet<Questions.CaseEvent> CaseEvents => Set<Questions.CaseEvent>();
    public DbSet<Questions.Holiday> Holidays => Set<Questions.Holiday>();
    public DbSet<Questions.CaseAttachment> CaseAttachments => Set<Questions.CaseAttachment>();
    public DbSet<Questions.ProgrammeEpisode> ProgrammeEpisodes => Set<Questions.ProgrammeEpisode>();
    public DbSet<Notifications.OutgoingEmail> OutgoingEmails => Set<Notifications.OutgoingEmail>();
    public DbSet<Media.MediaItem> MediaItems => Set<Media.MediaItem>();
    public DbSet<PathRedirect> PathRedirects => Set<PathRedirect>();
    public DbSet<Documents.LegalDocument> Documents => Set<Documents.LegalDocument>();
    public DbSet<Documents.DocumentFile> DocumentFiles => Set<Documents.DocumentFile>();
    public DbSet<Documents.DocumentRelation> DocumentRelations => Set<Documents.DocumentRelation>();
    public DbSet<Documents.CitationLink> CitationLinks => Set<Documents.CitationLink>();
    public DbSet<Documents.PropagandaPlan> PropagandaPlans => Set<Documents.PropagandaPlan>();
    public DbSet<Documents.PlanActivity> PlanActivities => Set<Documents.PlanActivity>();
    public DbSet<Documents.PlanActivityReport> PlanActivityReports => Set<Documents.PlanActivityReport>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every DateTime is stored as UTC and comes back marked as UTC.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>Marks a seed step as applied, so a restart never seeds twice.</summary>
public class SeedRecord
{
    public string Key { get; set; } = "";
    public DateTime AppliedAt { get; set; }
}
