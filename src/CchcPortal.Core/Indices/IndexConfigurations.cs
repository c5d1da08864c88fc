using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Indices;

internal sealed class IndexConfigurations :
    IEntityTypeConfiguration<IndexDefinition>, IEntityTypeConfiguration<IndexYear>,
    IEntityTypeConfiguration<IndexCriterion>, IEntityTypeConfiguration<IndexResult>, IEntityTypeConfiguration<IndexScore>
{
    public void Configure(EntityTypeBuilder<IndexDefinition> b)
    {
        b.Property(i => i.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(i => i.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<IndexYear> b)
    {
        b.HasIndex(y => new { y.IndexDefinitionId, y.Year }).IsUnique();
        b.HasOne(y => y.Index).WithMany().HasForeignKey(y => y.IndexDefinitionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(y => y.Criteria).WithOne().HasForeignKey(c => c.IndexYearId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IndexCriterion> b)
    {
        b.Property(c => c.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(c => new { c.IndexYearId, c.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<IndexResult> b)
    {
        b.Property(r => r.Scope).HasMaxLength(40).IsRequired();
        b.Property(r => r.SubjectSlug).HasMaxLength(160).IsRequired();
        b.HasIndex(r => new { r.IndexYearId, r.Scope, r.SubjectSlug }).IsUnique();
        b.HasIndex(r => r.SubjectSlug);
        b.HasOne(r => r.IndexYear).WithMany().HasForeignKey(r => r.IndexYearId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.IndexResultId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IndexScore> b) => b.Property(s => s.CriterionCode).HasMaxLength(40).IsRequired();
}
