using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.News;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(p => p.Title).HasMaxLength(300).IsRequired();
        b.Property(p => p.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Summary).HasMaxLength(1000);
        b.Property(p => p.SearchText).HasMaxLength(1400);
        b.Property(p => p.FeaturedImage).HasMaxLength(300);
        b.Property(p => p.FeaturedImageAlt).HasMaxLength(300);
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.Property(p => p.SeoTitle).HasMaxLength(200);
        b.Property(p => p.SeoDescription).HasMaxLength(320);
        b.HasIndex(p => new { p.Status, p.PublishedAt });
        b.HasIndex(p => new { p.CategoryId, p.Status, p.PublishedAt });
        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.Property(c => c.Slug).HasMaxLength(160).IsRequired();
        b.HasIndex(c => c.Slug).IsUnique();
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.Slug).HasMaxLength(120).IsRequired();
        b.HasIndex(t => t.Slug).IsUnique();
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> b)
    {
        b.HasIndex(r => new { r.PostId, r.CreatedAt });
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.AuthorName).HasMaxLength(200);
    }
}
