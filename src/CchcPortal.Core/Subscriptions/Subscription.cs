namespace CchcPortal.Core.Subscriptions;

/// <summary>What one can follow by e-mail.</summary>
public enum TopicKind
{
    /// <summary>A news category: every post published in it.</summary>
    NewsCategory = 0,
    /// <summary>An agency's answers published in "Dân hỏi – Thủ trưởng trả lời".</summary>
    AgencyAnswers = 1,
    /// <summary>One procedure: amended, replaced or abolished.</summary>
    Procedure = 2,
}

public enum Frequency { Immediate = 0, Daily = 1 }

/// <summary>
/// One address following one topic: personal data, kept to the minimum (the address, the topic, the frequency,
/// when it was confirmed and the hash of the pending confirmation token). Deleted on unsubscribe; an unconfirmed
/// row is deleted when its token expires. The unsubscribe and manage links are signed, not stored.
/// </summary>
public class Subscription
{
    public int Id { get; set; }
    /// <summary>Trimmed, lower-case.</summary>
    public string Email { get; set; } = "";
    public TopicKind TopicKind { get; set; }
    public int TopicId { get; set; }
    public Frequency Frequency { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Null until the address owner follows the link of the confirmation e-mail; nothing is sent before.</summary>
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>SHA-256 (hex) of the single-use confirmation token; null once used.</summary>
    public string? ConfirmTokenHash { get; set; }
    public DateTime? ConfirmExpiresAt { get; set; }
    /// <summary>When the last confirmation e-mail was queued (one per address and topic per <see cref="SubscriptionService.ResendAfter"/>).</summary>
    public DateTime? ConfirmSentAt { get; set; }
}

/// <summary>
/// Something subscribers of a topic are told about, recorded once by the dispatcher: a post published, an answer
/// made public, a procedure's new state. Its unique <see cref="Key"/> ("news:42", "procedure:7:ab12…") keeps a
/// replayed change from notifying twice; the outbox key per subscriber and item keeps a message single.
/// </summary>
public class SubscriptionItem
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public TopicKind TopicKind { get; set; }
    public int TopicId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Site path of the public page.</summary>
    public string Path { get; set; } = "";
    /// <summary>Plain text: the summary of a post, or what changed in a procedure.</summary>
    public string Summary { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Set once the immediate subscribers' messages were queued.</summary>
    public DateTime? ImmediateQueuedAt { get; set; }
}

/// <summary>The dispatcher's position in the change feed (one row), as the search index keeps its own.</summary>
public class SubscriptionFeedCursor
{
    public int Id { get; set; }
    public long LastChangeId { get; set; }
    /// <summary>The Vietnam date of the last daily digest run.</summary>
    public DateOnly? LastDigestDay { get; set; }
}

/// <summary>
/// The public fields of a followed procedure as the dispatcher last saw them: a short hash per field, enough to
/// say which changed (the texts themselves are in the procedure and its history).
/// </summary>
public class ProcedureSnapshot
{
    public int ProcedureId { get; set; }
    /// <summary>"Field=hash;Field=hash;…" in <see cref="ProcedureFingerprint.Fields"/> order.</summary>
    public string FieldHashes { get; set; } = "";
    public DateTime TakenAt { get; set; }
}

/// <summary>Anonymous: how many subscriptions of a topic kind were cancelled (the rows themselves are deleted).</summary>
public class SubscriptionLeaveCount
{
    public TopicKind TopicKind { get; set; }
    public int Count { get; set; }
}
