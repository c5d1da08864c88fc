using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Audit;

/// <summary>
/// One staff action (or a sign-in attempt): who, when, from where, what, and the fields it changed. Rows are only
/// ever inserted (<see cref="AuditLog"/>); the database refuses updates and deletes (triggers of the migration).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The acting account; null for an anonymous attempt (a failed sign-in with an unknown address).</summary>
    public string? UserId { get; set; }
    /// <summary>The account's e-mail as it was at the time (or the address typed into a failed sign-in).</summary>
    public string UserName { get; set; } = "";
    /// <summary>The client address the request came from (the real client behind a configured proxy).</summary>
    public string Address { get; set; } = "";
    /// <summary>What was done: one of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";
    /// <summary>What it was done to, as "Kind:id" (e.g. "QuestionCase:42", "User:…"); empty when nothing.</summary>
    public string Target { get; set; } = "";
    /// <summary>A short Vietnamese description for the administrators' list.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Changed fields as JSON {"Field":{"before":…,"after":…}}; empty when none.</summary>
    public string Changes { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Address).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Target).HasMaxLength(200);
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Action, e.At });
        b.HasIndex(e => new { e.UserId, e.At });
        b.HasIndex(e => new { e.Target, e.At });
    }
}
