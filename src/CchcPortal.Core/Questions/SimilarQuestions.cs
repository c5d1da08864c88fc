using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;
using Microsoft.Extensions.Caching.Memory;

namespace CchcPortal.Core.Questions;

/// <summary>A published answer suggested while a citizen types: public fields only, never the asker's data.</summary>
public sealed record SimilarQuestion(string Title, string Url, DateTime AnsweredAt, string AgencyName);

/// <summary>Finds published answers close to a draft question. Swappable: the full-text search index can take over.</summary>
public interface ISimilarQuestionFinder
{
    Task<IReadOnlyList<SimilarQuestion>> FindAsync(string text, int max = 5, CancellationToken ct = default);
}

/// <summary>
/// Word-overlap similarity on folded Vietnamese ("khai sinh" = "khai sinh" without marks): each word of the draft
/// found in a title counts 3, found only in the published question 1, and two draft words side by side in a title
/// add 2. At least two words (or the only one) must match. Ties go to the most recent answer.
/// </summary>
public static class QuestionSimilarity
{
    public const int TitleWord = 3, ContentWord = 1, TitlePair = 2;

    // Folded function words that would match almost everything.
    private static readonly HashSet<string> StopWords =
    [
        "va", "cua", "co", "khong", "cho", "toi", "la", "duoc", "thi", "the", "nao", "gi", "o", "tai", "ve", "voi",
        "cac", "nhung", "mot", "nay", "khi", "xin", "hoi", "em", "da", "se", "nhu", "neu", "hay", "hoac", "trong",
        "ra", "vao", "ai", "bao", "nhieu", "sao", "a", "u", "vay", "roi",
    ];

    public sealed class Candidate(PublishedText text)
    {
        public PublishedText Text { get; } = text;
        internal string FoldedTitle { get; } = " " + string.Join(' ', Words(text.Title)) + " ";
        internal HashSet<string> TitleWords { get; } = [.. Words(text.Title)];
        internal HashSet<string> QuestionWords { get; } = [.. Words(text.Question)];
    }

    public static IReadOnlyList<PublishedText> Rank(string draft, IEnumerable<Candidate> candidates, int max = 5)
    {
        var words = Words(draft).ToList();
        var terms = words.Where(w => !StopWords.Contains(w)).Distinct().ToList();
        if (terms.Count == 0) return [];
        var pairs = words.Zip(words.Skip(1)).Where(p => !StopWords.Contains(p.First) || !StopWords.Contains(p.Second))
            .Select(p => $" {p.First} {p.Second} ").Distinct().ToList();
        var needed = Math.Min(2, terms.Count);
        return candidates
            .Select(c =>
            {
                int matched = 0, score = 0;
                foreach (var t in terms)
                {
                    if (c.TitleWords.Contains(t)) { matched++; score += TitleWord; }
                    else if (c.QuestionWords.Contains(t)) { matched++; score += ContentWord; }
                }
                score += pairs.Count(p => c.FoldedTitle.Contains(p, StringComparison.Ordinal)) * TitlePair;
                return (c.Text, matched, score);
            })
            .Where(x => x.matched >= needed)
            .OrderByDescending(x => x.score).ThenByDescending(x => x.Text.AnsweredAt)
            .Take(max)
            .Select(x => x.Text)
            .ToList();
    }

    /// <summary>Folded words (letters and digits), in order.</summary>
    public static IEnumerable<string> Words(string? text) =>
        VietnameseText.Fold(text).SplitWhere(static c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0);

    private static string[] SplitWhere(this string s, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && !isSeparator(s[i])) continue;
            if (i > start) parts.Add(s[start..i]);
            start = i + 1;
        }
        return [.. parts];
    }
}

/// <summary>
/// The interim finder: compares with every published Q&amp;A held in memory (a few thousand short texts), reloaded
/// after any question change.
/// </summary>
public sealed class PublishedAnswerSimilarFinder(PublishedAnswers answers, IMemoryCache cache) : ISimilarQuestionFinder
{
    internal const string CacheKey = "similar-questions:corpus";

    public async Task<IReadOnlyList<SimilarQuestion>> FindAsync(string text, int max = 5, CancellationToken ct = default)
    {
        var corpus = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
            entry.Size = 1;
            return (await answers.TextsAsync(ct)).Select(t => new QuestionSimilarity.Candidate(t)).ToList();
        }) ?? [];
        return QuestionSimilarity.Rank(text, corpus, max)
            .Select(t => new SimilarQuestion(t.Title, PublicPaths.Answer(t.Code), t.AnsweredAt, t.AgencyName)).ToList();
    }
}

/// <summary>Drops the cached corpus when a case changes (an answer published or withdrawn).</summary>
public sealed class SimilarQuestionCorpusEviction(IMemoryCache cache) : IContentChangeListener
{
    public Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
    {
        if (notice.Kind == ContentKinds.Question) cache.Remove(PublishedAnswerSimilarFinder.CacheKey);
        return Task.CompletedTask;
    }
}
