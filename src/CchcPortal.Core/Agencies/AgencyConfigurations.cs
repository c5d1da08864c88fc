using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
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

internal sealed class AgencyHotlineConfiguration : IEntityTypeConfiguration<AgencyHotline>
{
    public void Configure(EntityTypeBuilder<AgencyHotline> b)
    {
        b.Property(h => h.Purpose).HasMaxLength(200).IsRequired();
        b.Property(h => h.Number).HasMaxLength(40).IsRequired();
        b.Property(h => h.Source).HasMaxLength(300);
        b.HasIndex(h => new { h.IsFeatured, h.AgencyId });
    }
}

internal sealed class AdministrativeLevelConfiguration : IEntityTypeConfiguration<AdministrativeLevel>
{
    public void Configure(EntityTypeBuilder<AdministrativeLevel> b)
    {
        b.Property(l => l.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(l => l.Code).IsUnique();
        b.Property(l => l.Name).HasMaxLength(100).IsRequired();
    }
}
