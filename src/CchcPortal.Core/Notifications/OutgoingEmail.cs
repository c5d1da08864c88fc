namespace CchcPortal.Core.Notifications;

/// <summary>
/// An e-mail waiting to be sent (an outbox row). It is written in the same transaction as the change it reports,
/// so a crash can delay a message but never lose it; a background sender delivers and marks it sent.
/// </summary>
public class OutgoingEmail
{
    public int Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string BodyText { get; set; } = "";
    /// <summary>What the message is about, e.g. "case-accepted", "overdue-digest".</summary>
    public string Purpose { get; set; } = "";
    /// <summary>When set, at most one message with this key is ever queued (e.g. one digest per head per day).</summary>
    public string? DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>
    /// Set by the sender that claimed the row, until when the others leave it alone: while it is being sent, and
    /// after a crash mid-send until this passes (then it is retried).
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }
    public string LastError { get; set; } = "";
    /// <summary>
    /// When set, the message carries List-Unsubscribe (this URL) and List-Unsubscribe-Post (RFC 8058), so mail
    /// programs offer a one-click unsubscribe that POSTs to it.
    /// </summary>
    public string? ListUnsubscribeUrl { get; set; }
}
