using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.PageFeedback;

internal sealed class PageVoteConfiguration : IEntityTypeConfiguration<PageVote>
{
    public void Configure(EntityTypeBuilder<PageVote> b)
    {
        b.ToTable("PageVotes");
        b.Property(v => v.Path).HasMaxLength(FeedbackPath.MaxLength).IsRequired();
        b.Property(v => v.Kind).HasMaxLength(20);
        b.Property(v => v.Comment).HasMaxLength(PageFeedbackService.MaxComment);
        b.Property(v => v.HandledBy).HasMaxLength(256);
        // The report filters by period (and kind), then groups by page or item.
        b.HasIndex(v => new { v.Day, v.Kind });
        b.HasIndex(v => new { v.Kind, v.ItemId });
        b.HasIndex(v => v.Path);
    }
}
