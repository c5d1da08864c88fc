using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("SurveyResponses");
        b.Property(r => r.Comment).HasMaxLength(SurveyResponse.MaxComment);
        b.Property(r => r.ReviewedBy).HasMaxLength(256);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Procedures.Procedure>().WithMany().HasForeignKey(r => r.ProcedureId).OnDelete(DeleteBehavior.SetNull);
        // Results: per agency and month; the burst check: per agency and time; moderation: the queues.
        b.HasIndex(r => new { r.AgencyId, r.Month, r.Status });
        b.HasIndex(r => new { r.AgencyId, r.SubmittedAt });
        b.HasIndex(r => r.Status);
        b.HasIndex(r => r.CommentStatus);
        b.HasIndex(r => r.ProcedureId);
    }
}
