namespace CchcPortal.Core.Contests;

/// <summary>The administrators' form of a contest; times are Vietnam local time as typed in the form.</summary>
public sealed class ContestInput
{
    public string? Title { get; set; }
    public string? RulesMarkdown { get; set; }
    public DateTime? StartsAtLocal { get; set; }
    public DateTime? EndsAtLocal { get; set; }
    public int QuestionsPerAttempt { get; set; } = 10;
    public int TimeLimitMinutes { get; set; } = 10;
    public int AttemptsPerPerson { get; set; } = 1;
    public string? TieBreakQuestion { get; set; } = Contest.DefaultTieBreakQuestion;
    public bool RequireName { get; set; } = true;
    public bool RequirePhone { get; set; }
    public bool RequireUnit { get; set; }
    public bool RequireCommune { get; set; }
    public int WinnersCount { get; set; } = 10;
    public bool IsPublished { get; set; }

    public static ContestInput From(Contest c) => new()
    {
        Title = c.Title, RulesMarkdown = c.RulesMarkdown, StartsAtLocal = Common.VnFormat.ToLocal(c.StartsAt), EndsAtLocal = Common.VnFormat.ToLocal(c.EndsAt),
        QuestionsPerAttempt = c.QuestionsPerAttempt, TimeLimitMinutes = c.TimeLimitMinutes, AttemptsPerPerson = c.AttemptsPerPerson,
        TieBreakQuestion = c.TieBreakQuestion, RequireName = c.RequireName, RequirePhone = c.RequirePhone, RequireUnit = c.RequireUnit,
        RequireCommune = c.RequireCommune, WinnersCount = c.WinnersCount, IsPublished = c.IsPublished,
    };
}

/// <summary>One question as the administrators' form or an imported row gives it.</summary>
public sealed class QuestionInput
{
    public string? Text { get; set; }
    public string? OptionA { get; set; }
    public string? OptionB { get; set; }
    public string? OptionC { get; set; }
    public string? OptionD { get; set; }
    public string? Correct { get; set; }
    public string? LegalSource { get; set; }
    public bool IsActive { get; set; } = true;

    public static QuestionInput From(ContestQuestion q) => new()
    {
        Text = q.Text, OptionA = q.OptionA, OptionB = q.OptionB, OptionC = q.OptionC, OptionD = q.OptionD,
        Correct = q.Correct, LegalSource = q.LegalSource, IsActive = q.IsActive,
    };
}
