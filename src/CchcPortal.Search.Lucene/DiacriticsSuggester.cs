using CchcPortal.Core.Common;
using Lucene.Net.Index;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// "Có phải bạn muốn tìm ...": for a query typed without diacritics, each word is replaced by its most frequent
/// written form among the title terms of the index ("thu tuc" -> "thủ tục"). The map is built once per index
/// version from the title terms' document frequencies.
/// </summary>
public sealed class DiacriticsSuggester
{
    private readonly object _gate = new();
    private long _version = -1;
    private Dictionary<string, string> _best = [];

    public string? Suggest(DirectoryReader reader, string text)
    {
        var normalized = VietnameseText.Normalize(text).ToLowerInvariant();
        if (normalized.Length == 0 || VietnameseText.RemoveDiacritics(normalized) != normalized) return null;
        var words = IndexFields.Folded.Terms(normalized);
        if (words.Count == 0 || words.Count > QueryBuilder.MaxWords) return null;
        var map = Map(reader);
        var changed = 0;
        var suggested = words.Select(w =>
        {
            if (map.TryGetValue(w, out var form) && form != w) { changed++; return form; }
            return w;
        }).ToList();
        // Worth offering only when most words gain their marks.
        return changed * 2 >= words.Count && changed > 0 ? string.Join(' ', suggested) : null;
    }

    private Dictionary<string, string> Map(DirectoryReader reader)
    {
        lock (_gate)
        {
            if (reader.Version == _version) return _best;
            var best = new Dictionary<string, (string Form, int Freq)>();
            var terms = MultiFields.GetTerms(reader, IndexFields.TitleExact);
            if (terms is not null)
            {
                var e = terms.GetEnumerator();
                while (e.MoveNext())
                {
                    var form = e.Term.Utf8ToString();
                    var freq = e.DocFreq;
                    var key = VietnameseText.RemoveDiacritics(form);
                    if (!best.TryGetValue(key, out var current) || freq > current.Freq) best[key] = (form, freq);
                }
            }
            _best = best.ToDictionary(kv => kv.Key, kv => kv.Value.Form);
            _version = reader.Version;
            return _best;
        }
    }
}
