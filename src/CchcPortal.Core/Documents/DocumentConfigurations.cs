using CchcPortal.Core.Agencies;
using CchcPortal.Core.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Documents;

internal sealed class DocumentConfigurations :
    IEntityTypeConfiguration<LegalDocument>, IEntityTypeConfiguration<DocumentFile>,
    IEntityTypeConfiguration<DocumentRelation>, IEntityTypeConfiguration<CitationLink>,
    IEntityTypeConfiguration<PropagandaPlan>, IEntityTypeConfiguration<PlanActivity>,
    IEntityTypeConfiguration<PlanActivityReport>
{
    public void Configure(EntityTypeBuilder<LegalDocument> b)
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
        b.HasOne<LegalDocument>().WithMany().HasForeignKey(d => d.ReplacedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(d => d.Files).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.IsPublished, d.IssuedOn });
    }

    public void Configure(EntityTypeBuilder<DocumentFile> b)
    {
        b.Property(f => f.Url).HasMaxLength(300).IsRequired();
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<DocumentRelation> b)
    {
        b.HasOne<LegalDocument>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LegalDocument>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.FromId, r.ToId, r.Kind }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CitationLink> b)
    {
        b.Property(c => c.SourceKind).HasMaxLength(20).IsRequired();
        b.Property(c => c.Key).HasMaxLength(200).IsRequired();
        b.Property(c => c.Text).HasMaxLength(400);
        b.HasIndex(c => new { c.SourceKind, c.SourceId });
        b.HasIndex(c => c.Key);
        b.HasOne<LegalDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PropagandaPlan> b)
    {
        b.Property(p => p.UnitName).HasMaxLength(200).IsRequired();
        b.Property(p => p.Title).HasMaxLength(300);
        b.HasIndex(p => p.Year);
        b.HasOne<LegalDocument>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PlanActivity> b)
    {
        b.Property(a => a.Section).HasMaxLength(20);
        b.Property(a => a.Content).HasMaxLength(2000).IsRequired();
        b.Property(a => a.Form).HasMaxLength(1000);
        b.Property(a => a.LeadAgencyText).HasMaxLength(300);
        b.Property(a => a.CoordinatingText).HasMaxLength(1000);
        b.Property(a => a.Timing).HasMaxLength(200);
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.LeadAgencyId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PlanActivityReport> b)
    {
        b.HasOne<PlanActivity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LegalDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ActivityId, r.PostId, r.DocumentId }).IsUnique();
    }
}
