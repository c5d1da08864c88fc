using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Media;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> b)
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
