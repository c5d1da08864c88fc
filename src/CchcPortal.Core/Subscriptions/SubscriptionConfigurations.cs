using CchcPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Subscriptions;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("Subscriptions");
        b.Property(s => s.Email).HasMaxLength(EmailAddresses.MaxLength).IsRequired();
        b.Property(s => s.ConfirmTokenHash).HasMaxLength(64);
        b.HasIndex(s => new { s.Email, s.TopicKind, s.TopicId }).IsUnique();
        b.HasIndex(s => new { s.TopicKind, s.TopicId });
        b.HasIndex(s => s.ConfirmTokenHash);
    }
}

internal sealed class SubscriptionItemConfiguration : IEntityTypeConfiguration<SubscriptionItem>
{
    public void Configure(EntityTypeBuilder<SubscriptionItem> b)
    {
        b.ToTable("SubscriptionItems");
        b.Property(i => i.Key).HasMaxLength(120).IsRequired();
        b.HasIndex(i => i.Key).IsUnique();
        b.Property(i => i.Title).HasMaxLength(500);
        b.Property(i => i.Path).HasMaxLength(400);
        b.Property(i => i.Summary).HasMaxLength(2000);
        b.HasIndex(i => new { i.TopicKind, i.TopicId, i.CreatedAt });
        b.HasIndex(i => i.ImmediateQueuedAt);
    }
}

internal sealed class SubscriptionFeedCursorConfiguration : IEntityTypeConfiguration<SubscriptionFeedCursor>
{
    public void Configure(EntityTypeBuilder<SubscriptionFeedCursor> b)
    {
        b.ToTable("SubscriptionFeedCursors");
        b.Property(c => c.Id).ValueGeneratedNever();
    }
}

internal sealed class ProcedureSnapshotConfiguration : IEntityTypeConfiguration<ProcedureSnapshot>
{
    public void Configure(EntityTypeBuilder<ProcedureSnapshot> b)
    {
        b.ToTable("ProcedureSnapshots");
        b.HasKey(s => s.ProcedureId);
        b.Property(s => s.ProcedureId).ValueGeneratedNever();
        b.Property(s => s.FieldHashes).HasMaxLength(1000);
    }
}

internal sealed class SubscriptionLeaveCountConfiguration : IEntityTypeConfiguration<SubscriptionLeaveCount>
{
    public void Configure(EntityTypeBuilder<SubscriptionLeaveCount> b)
    {
        b.ToTable("SubscriptionLeaveCounts");
        b.HasKey(c => c.TopicKind);
        b.Property(c => c.TopicKind).ValueGeneratedNever();
    }
}
