using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.News;

internal sealed class PostWorkflowEventConfiguration : IEntityTypeConfiguration<PostWorkflowEvent>
{
    public void Configure(EntityTypeBuilder<PostWorkflowEvent> b)
    {
        b.ToTable("PostWorkflowEvents");
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Comment).HasMaxLength(PostWorkflowEvent.MaxComment);
        b.HasOne<Post>().WithMany().HasForeignKey(e => e.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.PostId, e.At });
    }
}
