using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Seeding;

internal sealed class SeedRecordConfiguration : IEntityTypeConfiguration<SeedRecord>
{
    public void Configure(EntityTypeBuilder<SeedRecord> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(200);
    }
}
