using CchcPortal.Core.Common;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// "Có phải bạn muốn tìm ...": for a query typed without diacritics, each word takes the written form it has most
/// often in the best hits of that very query ("duong day nong" -> "đường dây nóng" because the hotline pages say
/// so, where the titles of the whole index would have said "dạy"). Offered only when most words gain their marks.
/// </summary>
public static class DiacriticsSuggester
{
    public static string? Suggest(string words, IEnumerable<string> hitTexts)
    {
        var normalized = VietnameseText.Normalize(words).ToLowerInvariant();
        if (normalized.Length == 0 || VietnameseText.RemoveDiacritics(normalized) != normalized) return null;
        var typed = SearchFields.Folded.Terms(normalized);
        if (typed.Count == 0 || typed.Count > QueryTerms.MaxWords) return null;
        var wanted = typed.ToHashSet();
        var pairs = typed.Zip(typed.Skip(1)).ToHashSet();

        // Earlier hits weigh more than later ones.
        var counts = new Dictionary<string, Dictionary<string, double>>();
        var weight = 1.0;
        foreach (var text in hitTexts)
        {
            var forms = SearchFields.Exact.Terms(text);
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
        var changed = 0;
        var suggested = typed.Select(w =>
        {
            if (!counts.TryGetValue(w, out var forms)) return w;
            var best = forms.MaxBy(kv => kv.Value).Key;
            if (best != w) changed++;
            return best;
        }).ToList();
        return changed > 0 && changed * 2 >= typed.Count ? string.Join(' ', suggested) : null;
    }
}
