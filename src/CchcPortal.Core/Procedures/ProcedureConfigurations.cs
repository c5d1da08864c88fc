using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Procedures;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
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

internal sealed class ProcedureAgencyLinkConfiguration : IEntityTypeConfiguration<ProcedureAgencyLink>
{
    public void Configure(EntityTypeBuilder<ProcedureAgencyLink> b)
    {
        b.HasKey(l => new { l.ProcedureId, l.AgencyId });
        b.HasOne(l => l.Agency).WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.AgencyId);
    }
}
