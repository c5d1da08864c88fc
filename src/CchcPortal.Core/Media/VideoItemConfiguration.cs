using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Media;

/// <summary>The columns only videos use (kept apart from <see cref="MediaItemConfiguration"/>).</summary>
internal sealed class VideoItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> b)
    {
        b.Property(m => m.PosterUrl).HasMaxLength(300);
        b.Property(m => m.CaptionsUrl).HasMaxLength(300);
    }
}
