using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Core.Search;
using CchcPortal.Core.Settings;
using CchcPortal.Core.StaticPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Data;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(p => p.Title).HasMaxLength(300).IsRequired();
        b.Property(p => p.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Summary).HasMaxLength(1000);
        b.Property(p => p.SearchText).HasMaxLength(1400);
        b.Property(p => p.FeaturedImage).HasMaxLength(300);
        b.Property(p => p.FeaturedImageAlt).HasMaxLength(300);
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.Property(p => p.SeoTitle).HasMaxLength(200);
        b.Property(p => p.SeoDescription).HasMaxLength(320);
        b.HasIndex(p => new { p.Status, p.PublishedAt });
        b.HasIndex(p => new { p.CategoryId, p.Status, p.PublishedAt });
        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.Property(c => c.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(c => c.Slug).IsUnique();
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.Slug).HasMaxLength(120).IsRequired();
        b.HasIndex(t => t.Slug).IsUnique();
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> b)
    {
        b.HasIndex(r => new { r.PostId, r.CreatedAt });
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.AuthorName).HasMaxLength(200);
    }
}

internal sealed class StaticPageConfiguration : IEntityTypeConfiguration<StaticPage>
{
    public void Configure(EntityTypeBuilder<StaticPage> b)
    {
        b.Property(p => p.Title).HasMaxLength(300).IsRequired();
        b.Property(p => p.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
    }
}

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.SiteName).HasMaxLength(200);
        b.Property(s => s.UnitName).HasMaxLength(200);
    }
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> b)
    {
        b.Property(c => c.Kind).HasMaxLength(40).IsRequired();
    }
}

internal sealed class SearchIndexFailureConfiguration : IEntityTypeConfiguration<SearchIndexFailure>
{
    public void Configure(EntityTypeBuilder<SearchIndexFailure> b)
    {
        b.Property(f => f.DocumentKey).HasMaxLength(200).IsRequired();
        b.HasIndex(f => f.DocumentKey).IsUnique();
        b.Property(f => f.Kind).HasMaxLength(40).IsRequired();
        b.Property(f => f.Error).HasMaxLength(SearchIndexFailureLog.MaxErrorLength);
    }
}

internal sealed class SeedRecordConfiguration : IEntityTypeConfiguration<SeedRecord>
{
    public void Configure(EntityTypeBuilder<SeedRecord> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(200);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agencies.Agency>
{
    public void Configure(EntityTypeBuilder<Agencies.Agency> b)
    {
        b.Property(a => a.Name).HasMaxLength(300).IsRequired();
        b.Property(a => a.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(a => a.Slug).IsUnique();
        b.Property(a => a.ShortName).HasMaxLength(100);
        b.Property(a => a.EnglishName).HasMaxLength(300);
        b.Property(a => a.Phone).HasMaxLength(40);
        b.Property(a => a.Email).HasMaxLength(200);
        b.HasIndex(a => new { a.LevelId, a.SortOrder });
        b.HasOne(a => a.Level).WithMany().HasForeignKey(a => a.LevelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Successor).WithMany().HasForeignKey(a => a.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Hotlines).WithOne().HasForeignKey(h => h.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgencyHotlineConfiguration : IEntityTypeConfiguration<Agencies.AgencyHotline>
{
    public void Configure(EntityTypeBuilder<Agencies.AgencyHotline> b)
    {
        b.Property(h => h.Purpose).HasMaxLength(200).IsRequired();
        b.Property(h => h.Number).HasMaxLength(40).IsRequired();
        b.Property(h => h.Source).HasMaxLength(300);
        b.HasIndex(h => new { h.IsFeatured, h.AgencyId });
    }
}

internal sealed class AdministrativeLevelConfiguration : IEntityTypeConfiguration<Agencies.AdministrativeLevel>
{
    public void Configure(EntityTypeBuilder<Agencies.AdministrativeLevel> b)
    {
        b.Property(l => l.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(l => l.Code).IsUnique();
        b.Property(l => l.Name).HasMaxLength(100).IsRequired();
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedures.Procedure>
{
    public void Configure(EntityTypeBuilder<Procedures.Procedure> b)
    {
        b.Property(p => p.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Name).HasMaxLength(4000).IsRequired();
        b.Property(p => p.Field).HasMaxLength(300);
        b.HasIndex(p => p.Field);
        b.Property(p => p.ContentHash).HasMaxLength(64);
        b.HasMany(p => p.Channels).WithOne().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.DossierItems).WithOne().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.LegalBases).WithOne().HasForeignKey(l => l.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.AgencyLinks).WithOne().HasForeignKey(l => l.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.History).WithOne().HasForeignKey(h => h.ProcedureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcedureAgencyLinkConfiguration : IEntityTypeConfiguration<Procedures.ProcedureAgencyLink>
{
    public void Configure(EntityTypeBuilder<Procedures.ProcedureAgencyLink> b)
    {
        b.HasKey(l => new { l.ProcedureId, l.AgencyId });
        b.HasOne(l => l.Agency).WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.AgencyId);
    }
}

internal sealed class IndexConfigurations :
    IEntityTypeConfiguration<Indices.IndexDefinition>, IEntityTypeConfiguration<Indices.IndexYear>,
    IEntityTypeConfiguration<Indices.IndexCriterion>, IEntityTypeConfiguration<Indices.IndexResult>, IEntityTypeConfiguration<Indices.IndexScore>
{
    public void Configure(EntityTypeBuilder<Indices.IndexDefinition> b)
    {
        b.Property(i => i.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(i => i.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Indices.IndexYear> b)
    {
        b.HasIndex(y => new { y.IndexDefinitionId, y.Year }).IsUnique();
        b.HasOne(y => y.Index).WithMany().HasForeignKey(y => y.IndexDefinitionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(y => y.Criteria).WithOne().HasForeignKey(c => c.IndexYearId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Indices.IndexCriterion> b)
    {
        b.Property(c => c.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(c => new { c.IndexYearId, c.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Indices.IndexResult> b)
    {
        b.Property(r => r.Scope).HasMaxLength(40).IsRequired();
        b.Property(r => r.SubjectSlug).HasMaxLength(160).IsRequired();
        b.HasIndex(r => new { r.IndexYearId, r.Scope, r.SubjectSlug }).IsUnique();
        b.HasIndex(r => r.SubjectSlug);
        b.HasOne(r => r.IndexYear).WithMany().HasForeignKey(r => r.IndexYearId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.IndexResultId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Indices.IndexScore> b) => b.Property(s => s.CriterionCode).HasMaxLength(40).IsRequired();
}

internal sealed class QuestionConfigurations :
    IEntityTypeConfiguration<Questions.QuestionCase>, IEntityTypeConfiguration<Questions.CaseEvent>, IEntityTypeConfiguration<Questions.Holiday>
{
    public void Configure(EntityTypeBuilder<Questions.QuestionCase> b)
    {
        b.Property(c => c.Code).HasMaxLength(20).IsRequired();
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.SecretHash).HasMaxLength(64).IsRequired();
        b.Property(c => c.Title).HasMaxLength(300);
        b.HasIndex(c => new { c.Status, c.ModerationDue });
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Questions.ProgrammeEpisode>().WithMany().HasForeignKey(c => c.EpisodeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.EpisodeId);
    }

    public void Configure(EntityTypeBuilder<Questions.CaseEvent> b) => b.Property(e => e.Action).HasMaxLength(100);

    public void Configure(EntityTypeBuilder<Questions.Holiday> b) => b.HasIndex(h => h.Date).IsUnique();
}

internal sealed class QuestionExtrasConfigurations :
    IEntityTypeConfiguration<Questions.CaseAttachment>, IEntityTypeConfiguration<Questions.ProgrammeEpisode>, IEntityTypeConfiguration<Notifications.OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<Questions.CaseAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StoredPath).HasMaxLength(300).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<Questions.ProgrammeEpisode> b)
    {
        b.Property(e => e.Topic).HasMaxLength(300).IsRequired();
        b.Property(e => e.VideoUrl).HasMaxLength(500);
        b.Property(e => e.MediaUrl).HasMaxLength(300);
        b.HasIndex(e => e.AiredOn);
    }

    public void Configure(EntityTypeBuilder<Notifications.OutgoingEmail> b)
    {
        b.Property(m => m.To).HasMaxLength(200).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Purpose).HasMaxLength(60);
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.HasIndex(m => m.SentAt);
    }
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<Media.MediaItem>
{
    public void Configure(EntityTypeBuilder<Media.MediaItem> b)
    {
        b.Property(m => m.Url).HasMaxLength(300).IsRequired();
        b.HasIndex(m => m.Url).IsUnique();
        b.Property(m => m.FileName).HasMaxLength(200);
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.AltText).HasMaxLength(300);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.SearchText).HasMaxLength(800);
        b.Property(m => m.UploadedBy).HasMaxLength(200);
        b.HasIndex(m => new { m.Kind, m.UploadedAt });
    }
}

internal sealed class DocumentConfigurations :
    IEntityTypeConfiguration<Documents.LegalDocument>, IEntityTypeConfiguration<Documents.DocumentFile>,
    IEntityTypeConfiguration<Documents.DocumentRelation>, IEntityTypeConfiguration<Documents.CitationLink>,
    IEntityTypeConfiguration<Documents.PropagandaPlan>, IEntityTypeConfiguration<Documents.PlanActivity>,
    IEntityTypeConfiguration<Documents.PlanActivityReport>
{
    public void Configure(EntityTypeBuilder<Documents.LegalDocument> b)
    {
        b.Property(d => d.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(d => d.Slug).IsUnique();
        b.Property(d => d.Number).HasMaxLength(80);
        b.Property(d => d.NumberKey).HasMaxLength(80);
        b.HasIndex(d => d.NumberKey);
        b.Property(d => d.DocType).HasMaxLength(60);
        b.Property(d => d.Issuer).HasMaxLength(200);
        b.Property(d => d.Signer).HasMaxLength(200);
        b.Property(d => d.Summary).HasMaxLength(1000).IsRequired();
        b.Property(d => d.Field).HasMaxLength(200);
        b.HasOne<Documents.LegalDocument>().WithMany().HasForeignKey(d => d.ReplacedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(d => d.Files).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.IsPublished, d.IssuedOn });
    }

    public void Configure(EntityTypeBuilder<Documents.DocumentFile> b)
    {
        b.Property(f => f.Url).HasMaxLength(300).IsRequired();
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<Documents.DocumentRelation> b)
    {
        b.HasOne<Documents.LegalDocument>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Documents.LegalDocument>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.FromId, r.ToId, r.Kind }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Documents.CitationLink> b)
    {
        b.Property(c => c.SourceKind).HasMaxLength(20).IsRequired();
        b.Property(c => c.Key).HasMaxLength(200).IsRequired();
        b.Property(c => c.Text).HasMaxLength(400);
        b.HasIndex(c => new { c.SourceKind, c.SourceId });
        b.HasIndex(c => c.Key);
        b.HasOne<Documents.LegalDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Documents.PropagandaPlan> b)
    {
        b.Property(p => p.UnitName).HasMaxLength(200).IsRequired();
        b.Property(p => p.Title).HasMaxLength(300);
        b.HasIndex(p => p.Year);
        b.HasOne<Documents.LegalDocument>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Documents.PlanActivity> b)
    {
        b.Property(a => a.Section).HasMaxLength(20);
        b.Property(a => a.Content).HasMaxLength(2000).IsRequired();
        b.Property(a => a.Form).HasMaxLength(1000);
        b.Property(a => a.LeadAgencyText).HasMaxLength(300);
        b.Property(a => a.CoordinatingText).HasMaxLength(1000);
        b.Property(a => a.Timing).HasMaxLength(200);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(a => a.LeadAgencyId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Documents.PlanActivityReport> b)
    {
        b.HasOne<Documents.PlanActivity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Documents.LegalDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ActivityId, r.PostId, r.DocumentId }).IsUnique();
    }
}

internal sealed class PathRedirectConfiguration : IEntityTypeConfiguration<PathRedirect>
{
    public void Configure(EntityTypeBuilder<PathRedirect> b)
    {
        b.Property(r => r.FromPath).HasMaxLength(300).IsRequired();
        b.HasIndex(r => r.FromPath).IsUnique();
        b.Property(r => r.ToPath).HasMaxLength(300).IsRequired();
    }
}
