using CchcPortal.Core.Common;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// "Có phải bạn muốn tìm ...". For a query typed without diacritics, each word takes the written form it has most
/// often in the best hits of that very query ("duong day nong" -> "đường dây nóng" because the hotline pages say
/// so, where the titles of the whole index would have said "dạy"); offered only when most words gain their marks.
/// For a query with a misspelt word (<see cref="SpellingVariants.CorrectionOf"/>: "khai sihn", "đăng kí", "chứg
/// thực", marks no document writes), the corrected query, its words without marks taking the hits' marks. A query
/// already right gets nothing.
/// </summary>
public static class DiacriticsSuggester
{
    public static string? Suggest(string words, IEnumerable<string> hitTexts) => Suggest(words, SpellingVariants.None, hitTexts);

    public static string? Suggest(string words, SpellingVariants spelling, IEnumerable<string> hitTexts)
    {
        var normalized = VietnameseText.Normalize(words).ToLowerInvariant();
        var typed = SearchFields.Exact.Terms(normalized);
        if (typed.Count == 0 || typed.Count > QueryTerms.MaxWords || SearchFields.Folded.Terms(normalized).Count != typed.Count) return null;
        // The hits' words are read only when needed: a correction to check, or marks to offer.
        var hits = new Lazy<List<IReadOnlyList<string>>>(() => hitTexts.Select(t => SearchFields.Exact.Terms(t)).ToList());
        var corrected = typed.Select(w => spelling.CorrectionOf(w) is { } c && !IsWrittenInHits(w, c, hits) ? c : w).ToList();
        var anyCorrected = !corrected.SequenceEqual(typed);
        if (!anyCorrected && VietnameseText.RemoveDiacritics(normalized) != normalized) return null;

        var folded = corrected.Select(VietnameseText.RemoveDiacritics).ToList();
        var forms = BestForms(folded, hits.Value);
        var changed = 0;
        var suggested = corrected.Select((w, i) =>
        {
            if (w != folded[i] || !forms.TryGetValue(w, out var best)) return w;
            if (best != w) changed++;
            return best;
        }).ToList();
        var offered = anyCorrected || (changed > 0 && changed * 2 >= typed.Count);
        return offered && !suggested.SequenceEqual(typed) ? string.Join(' ', suggested) : null;
    }

    /// <summary>
    /// A correction of the marks alone (the word's folded form) is not offered for a word the best hits write as typed:
    /// the index holds the marks of titles, keywords and summaries only, not of bodies, so "họ" in "thay đổi họ tên"
    /// is found in the hits' text, not in the index.
    /// </summary>
    private static bool IsWrittenInHits(string typed, string correction, Lazy<List<IReadOnlyList<string>>> hits) =>
        correction == VietnameseText.RemoveDiacritics(typed) && hits.Value.Any(forms => forms.Contains(typed));

    /// <summary>Each folded word's form most written in the hits, earlier hits and forms next to the query's neighbouring word weighing more.</summary>
    private static Dictionary<string, string> BestForms(List<string> folded, List<IReadOnlyList<string>> hits)
    {
        var wanted = folded.ToHashSet();
        var pairs = folded.Zip(folded.Skip(1)).ToHashSet();
        var counts = new Dictionary<string, Dictionary<string, double>>();
        var weight = 1.0;
        foreach (var forms in hits)
        {
            var keys = forms.Select(VietnameseText.RemoveDiacritics).ToList();
            for (var i = 0; i < forms.Count; i++)
            {
                if (!wanted.Contains(keys[i])) continue;
                // A form next to the query's own neighbouring word is the one meant ("dây" in "đường dây nóng", not "dạy").
                var inContext = (i > 0 && pairs.Contains((keys[i - 1], keys[i]))) || (i + 1 < forms.Count && pairs.Contains((keys[i], keys[i + 1])));
                var byForm = counts.TryGetValue(keys[i], out var f) ? f : counts[keys[i]] = [];
                byForm[forms[i]] = byForm.GetValueOrDefault(forms[i]) + weight * (inContext ? 5 : 1);
            }
            weight *= 0.8;
        }
        return counts.ToDictionary(c => c.Key, c => c.Value.MaxBy(kv => kv.Value).Key);
    }
}
