namespace CchcPortal.Core.Questions;

/// <summary>
/// A citizen's question or feedback. Personal data (name, phone, e-mail, address) is stored for the case handlers
/// only and never shown publicly; the public sees at most the commune/district.
/// </summary>
public class QuestionCase
{
    public int Id { get; set; }
    /// <summary>Tracking code, e.g. HD-2026-000123.</summary>
    public string Code { get; set; } = "";
    /// <summary>SHA-256 of the secret shown once to the citizen.</summary>
    public string SecretHash { get; set; } = "";
    public CaseKind Kind { get; set; }
    /// <summary>The agency handling the case, set only when a moderator assigns it; its staff see the case from then on.</summary>
    public int? AgencyId { get; set; }
    /// <summary>The agency the citizen chose on the form: a suggestion for the moderator, never an access right.</summary>
    public int? SuggestedAgencyId { get; set; }
    public string Field { get; set; } = "";
    /// <summary>The procedure (TTHC) the citizen asked about, from the procedure's page; public with the answer.</summary>
    public int? ProcedureId { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string SubmitterName { get; set; } = "";
    public string SubmitterPhone { get; set; } = "";
    public string SubmitterEmail { get; set; } = "";
    /// <summary>Xã/phường and huyện/tỉnh: the only location ever shown publicly.</summary>
    public string SubmitterArea { get; set; } = "";
    public bool ConsentToPublish { get; set; }
    /// <summary>web, phone, letter, hotline, tv-program.</summary>
    public string Channel { get; set; } = "web";
    public CaseStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateOnly ModerationDue { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateOnly? AnswerDue { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string DraftHtml { get; set; } = "";
    /// <summary>Sanitized answer, signed by the agency head who approved it.</summary>
    public string AnswerHtml { get; set; } = "";
    public string SignedBy { get; set; } = "";
    /// <summary>The question as published: personal data removed by the moderator (the original stays in Content).</summary>
    public string PublicContent { get; set; } = "";
    public bool IsPublished { get; set; }
    public RejectionReason? RejectionReason { get; set; }
    public string DuplicateOfCode { get; set; } = "";
    /// <summary>The programme episode in which the case was answered on air, if any.</summary>
    public int? EpisodeId { get; set; }
    public List<CaseEvent> Events { get; set; } = [];
    public List<CaseAttachment> Attachments { get; set; } = [];

    public IEnumerable<CaseAttachment> CitizenFiles => Attachments.Where(a => a.Origin == AttachmentOrigin.Citizen);
    public IEnumerable<CaseAttachment> AnswerFiles => Attachments.Where(a => a.Origin == AttachmentOrigin.Agency);

    public bool IsOverdue(DateOnly today) =>
        Status == CaseStatus.Submitted ? today > ModerationDue
        : CaseWorkflow.ClockRuns(Status) && AnswerDue is { } due && today > due;
}

/// <summary>One audited step: who did what, when and why.</summary>
public class CaseEvent
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public CaseStatus? FromStatus { get; set; }
    public CaseStatus ToStatus { get; set; }
    public string Note { get; set; } = "";
}
