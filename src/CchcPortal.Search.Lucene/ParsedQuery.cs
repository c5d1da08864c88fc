using System.Text.RegularExpressions;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// What the citizen typed, split into plain words, quoted phrases and excluded words, without Lucene's query syntax,
/// so nothing a citizen types can throw: syntax characters are just separators to the analyzer.
/// </summary>
public sealed partial record ParsedQuery(string Words, IReadOnlyList<string> Phrases, IReadOnlyList<string> Excluded, string? ProcedureCode)
{
    public bool IsEmpty => Words.Length == 0 && Phrases.Count == 0 && ProcedureCode is null;

    /// <summary>The words' other spellings the index holds; null until looked up (<see cref="RankedSearch.Run"/> does when so).</summary>
    public SpellingVariants? Spelling { get; init; }

    [GeneratedRegex("(-?)\"([^\"]*)\"?|(\\S+)")] private static partial Regex Pieces();
    [GeneratedRegex(@"^\d{1,2}\.\d{6}(\.[A-Za-z0-9]+)?$")] private static partial Regex CodePattern();

    public static ParsedQuery Parse(string? text)
    {
        var normalized = VietnameseText.Normalize(text);
        if (normalized.Length > SearchQuery.MaxTextLength) normalized = normalized[..SearchQuery.MaxTextLength];
        var words = new List<string>();
        var phrases = new List<string>();
        var excluded = new List<string>();
        string? code = null;
        foreach (Match m in Pieces().Matches(normalized))
        {
            if (m.Groups[2].Success)
            {
                var phrase = m.Groups[2].Value.Trim();
                if (phrase.Length == 0) continue;
                (m.Groups[1].Value == "-" ? excluded : phrases).Add(phrase);
                continue;
            }
            var word = m.Groups[3].Value;
            if (word.Length > 1 && word[0] == '-') { excluded.Add(word[1..]); continue; }
            var trimmed = word.Trim('.', ',', ';', '(', ')');
            if (CodePattern().IsMatch(trimmed)) code ??= trimmed.ToLowerInvariant();
            words.Add(word);
        }
        return new ParsedQuery(string.Join(' ', words), phrases, excluded, code);
    }
}
