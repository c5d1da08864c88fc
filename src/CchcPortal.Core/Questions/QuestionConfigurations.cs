using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Questions;

internal sealed class QuestionConfigurations :
    IEntityTypeConfiguration<QuestionCase>, IEntityTypeConfiguration<CaseEvent>, IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<QuestionCase> b)
    {
        b.Property(c => c.Code).HasMaxLength(20).IsRequired();
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.SecretHash).HasMaxLength(64).IsRequired();
        b.Property(c => c.Title).HasMaxLength(300);
        b.HasIndex(c => new { c.Status, c.ModerationDue });
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProgrammeEpisode>().WithMany().HasForeignKey(c => c.EpisodeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.EpisodeId);
        b.HasOne<Procedures.Procedure>().WithMany().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.ProcedureId);
        b.Ignore(c => c.CitizenFiles);
        b.Ignore(c => c.AnswerFiles);
    }

    public void Configure(EntityTypeBuilder<CaseEvent> b) => b.Property(e => e.Action).HasMaxLength(100);

    public void Configure(EntityTypeBuilder<Holiday> b) => b.HasIndex(h => h.Date).IsUnique();
}

internal sealed class QuestionExtrasConfigurations :
    IEntityTypeConfiguration<CaseAttachment>, IEntityTypeConfiguration<ProgrammeEpisode>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StoredPath).HasMaxLength(300).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<ProgrammeEpisode> b)
    {
        b.Property(e => e.Topic).HasMaxLength(300).IsRequired();
        b.Property(e => e.VideoUrl).HasMaxLength(500);
        b.Property(e => e.MediaUrl).HasMaxLength(300);
        b.HasIndex(e => e.AiredOn);
    }
}
