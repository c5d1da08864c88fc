using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.News.Views;

/// <summary>How many times a post's public page was viewed on one day (Vietnam date). Only ever added to.</summary>
public class PostViewDay
{
    public int PostId { get; set; }
    public DateOnly Day { get; set; }
    public int Count { get; set; }
}

internal sealed class PostViewDayConfiguration : IEntityTypeConfiguration<PostViewDay>
{
    public void Configure(EntityTypeBuilder<PostViewDay> b)
    {
        b.ToTable("PostViewDays");
        b.HasKey(v => new { v.PostId, v.Day });
        // The statistics read a period across all posts.
        b.HasIndex(v => v.Day);
        b.HasOne<Post>().WithMany().HasForeignKey(v => v.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
