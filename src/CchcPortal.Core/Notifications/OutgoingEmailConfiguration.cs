using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Notifications;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> b)
    {
        b.Property(m => m.To).HasMaxLength(200).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Purpose).HasMaxLength(60);
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.Property(m => m.ListUnsubscribeUrl).HasMaxLength(1000);
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.HasIndex(m => m.SentAt);
    }
}
