using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Common;

internal sealed class PathRedirectConfiguration : IEntityTypeConfiguration<PathRedirect>
{
    public void Configure(EntityTypeBuilder<PathRedirect> b)
    {
        b.Property(r => r.FromPath).HasMaxLength(300).IsRequired();
        b.HasIndex(r => r.FromPath).IsUnique();
        b.Property(r => r.ToPath).HasMaxLength(300).IsRequired();
    }
}
