using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Contests;

internal sealed class ContestConfigurations :
    IEntityTypeConfiguration<Contest>, IEntityTypeConfiguration<ContestQuestion>, IEntityTypeConfiguration<ContestParticipant>,
    IEntityTypeConfiguration<ContestAttempt>, IEntityTypeConfiguration<ContestAnswer>
{
    public void Configure(EntityTypeBuilder<Contest> b)
    {
        b.Property(c => c.Title).HasMaxLength(ContestLimits.Title).IsRequired();
        b.Property(c => c.Slug).HasMaxLength(120).IsRequired();
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.RulesMarkdown).HasMaxLength(ContestLimits.Rules);
        b.Property(c => c.TieBreakQuestion).HasMaxLength(ContestLimits.TieBreakQuestion);
    }

    public void Configure(EntityTypeBuilder<ContestQuestion> b)
    {
        b.Property(q => q.Text).HasMaxLength(ContestLimits.QuestionText).IsRequired();
        foreach (var option in new[] { nameof(ContestQuestion.OptionA), nameof(ContestQuestion.OptionB), nameof(ContestQuestion.OptionC), nameof(ContestQuestion.OptionD) })
            b.Property<string>(option).HasMaxLength(ContestLimits.Option).IsRequired();
        b.Property(q => q.Correct).HasMaxLength(1).IsRequired();
        b.Property(q => q.LegalSource).HasMaxLength(ContestLimits.LegalSource);
        b.HasOne<Contest>().WithMany().HasForeignKey(q => q.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.ContestId, q.IsActive });
    }

    public void Configure(EntityTypeBuilder<ContestParticipant> b)
    {
        b.Property(p => p.PersonKey).HasMaxLength(80).IsRequired();
        b.Property(p => p.DeviceId).HasMaxLength(40).IsRequired();
        b.Property(p => p.Name).HasMaxLength(ContestLimits.Name);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.Unit).HasMaxLength(ContestLimits.Unit);
        b.Property(p => p.Commune).HasMaxLength(ContestLimits.Commune);
        b.HasOne<Contest>().WithMany().HasForeignKey(p => p.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ContestId, p.PersonKey }).IsUnique();
        b.HasIndex(p => new { p.ContestId, p.DeviceId });
    }

    public void Configure(EntityTypeBuilder<ContestAttempt> b)
    {
        b.Property(a => a.Token).HasMaxLength(32).IsRequired();
        b.HasIndex(a => a.Token).IsUnique();
        b.Property(a => a.QuestionIds).HasMaxLength(4000).IsRequired();
        b.HasOne<ContestParticipant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ParticipantId, a.Number }).IsUnique();
        b.HasIndex(a => new { a.ContestId, a.SubmittedAt });
        b.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ContestAnswer> b)
    {
        b.Property(a => a.Option).HasMaxLength(1).IsRequired();
        b.HasIndex(a => new { a.AttemptId, a.QuestionId }).IsUnique();
    }
}

/// <summary>Longest accepted text of each field, shared by the validation and the columns.</summary>
public static class ContestLimits
{
    public const int Title = 300;
    public const int Rules = 20_000;
    public const int TieBreakQuestion = 300;
    public const int QuestionText = 2000;
    public const int Option = 1000;
    public const int LegalSource = 500;
    public const int Name = 200;
    public const int Unit = 300;
    public const int Commune = 200;
    public const int MaxQuestionsPerAttempt = 100;
    public const int MaxTimeLimitMinutes = 240;
    public const int MaxAttemptsPerPerson = 20;
    public const int MaxTieBreakGuess = 100_000_000;
    /// <summary>Answers that arrive this long after the deadline still count (network delay of the last click).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
}
