namespace CchcPortal.Core.Contests;

/// <summary>
/// An online CCHC knowledge contest (cuộc thi trực tuyến tìm hiểu CCHC): its rules, its window, how an attempt is
/// drawn and timed, and which personal fields a participant must give. Times are UTC.
/// </summary>
public class Contest
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    /// <summary>The rules as Markdown, rendered through the sanitizing renderer.</summary>
    public string RulesMarkdown { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int QuestionsPerAttempt { get; set; } = 10;
    public int TimeLimitMinutes { get; set; } = 10;
    public int AttemptsPerPerson { get; set; } = 1;
    public string TieBreakQuestion { get; set; } = DefaultTieBreakQuestion;
    public bool RequireName { get; set; } = true;
    /// <summary>When the phone is required, a person is their normalized phone number; otherwise their signed device cookie.</summary>
    public bool RequirePhone { get; set; }
    public bool RequireUnit { get; set; }
    public bool RequireCommune { get; set; }
    /// <summary>How many of the ranking the public winners page shows once the contest has ended.</summary>
    public int WinnersCount { get; set; } = 10;
    /// <summary>Unpublished contests are seen by administrators only.</summary>
    public bool IsPublished { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const string DefaultTieBreakQuestion = "Dự đoán số người tham gia cuộc thi";

    public bool IsOpenAt(DateTime utc) => IsPublished && utc >= StartsAt && utc < EndsAt;
    public bool HasEndedAt(DateTime utc) => utc >= EndsAt;
}

/// <summary>A multiple-choice question of a contest's bank: four options, one correct, and the legal source of its answer.</summary>
public class ContestQuestion
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public string Text { get; set; } = "";
    public string OptionA { get; set; } = "";
    public string OptionB { get; set; } = "";
    public string OptionC { get; set; } = "";
    public string OptionD { get; set; } = "";
    /// <summary>"A", "B", "C" or "D". Never sent to a participant before their attempt ends.</summary>
    public string Correct { get; set; } = "A";
    public string LegalSource { get; set; } = "";
    /// <summary>Inactive questions are not drawn; attempts that drew them keep them.</summary>
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public static readonly string[] Letters = ["A", "B", "C", "D"];

    public string Option(string letter) => letter switch
    {
        "A" => OptionA, "B" => OptionB, "C" => OptionC, "D" => OptionD, _ => "",
    };
}

/// <summary>One person in one contest, with what they gave when registering (never public except name and unit on the winners page).</summary>
public class ContestParticipant
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    /// <summary>Who the person is for the attempts limit: "phone:0912345678" or "device:{id}".</summary>
    public string PersonKey { get; set; } = "";
    /// <summary>The signed device cookie of the browser that last registered as this person.</summary>
    public string DeviceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Commune { get; set; } = "";
    public int TieBreakGuess { get; set; }
    public DateTime RegisteredAt { get; set; }
}

/// <summary>
/// One timed attempt: the questions drawn for it (in order) and its deadline are fixed when it starts, on the server,
/// so a reload neither redraws nor resets the clock.
/// </summary>
public class ContestAttempt
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public int ParticipantId { get; set; }
    /// <summary>1, 2, ... per participant; unique, so two racing starts cannot exceed the limit.</summary>
    public int Number { get; set; }
    /// <summary>The attempt's address: random, so attempts cannot be enumerated.</summary>
    public string Token { get; set; } = "";
    /// <summary>The drawn question ids, comma-separated, in the order shown.</summary>
    public string QuestionIds { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime Deadline { get; set; }
    /// <summary>Set when submitted, or when closed at its deadline by the next look at it.</summary>
    public DateTime? SubmittedAt { get; set; }
    public int? Score { get; set; }
    /// <summary>Milliseconds from start to submission, at most the time limit.</summary>
    public long? TimeTakenMs { get; set; }
    public List<ContestAnswer> Answers { get; set; } = [];

    public IReadOnlyList<int> DrawnQuestionIds() =>
        QuestionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

    public bool IsFinished => SubmittedAt is not null;
}

/// <summary>The option a participant chose for one drawn question, saved as they go or with the final submission.</summary>
public class ContestAnswer
{
    public int Id { get; set; }
    public int AttemptId { get; set; }
    public int QuestionId { get; set; }
    public string Option { get; set; } = "";
    public DateTime AnsweredAt { get; set; }
    /// <summary>Set when the attempt is scored.</summary>
    public bool? IsCorrect { get; set; }
}
