namespace CchcPortal.Search.Lucene;

/// <summary>
/// How citizens say it against how procedures are named. An equivalent (<see cref="EquivalentsOf"/>) changes what
/// matches: a document may hold the abbreviation or everyday name typed, or its official wording ("cmnd" or "căn
/// cước"). An expansion (<see cref="ExpansionsOf"/>) only adds the official wording to the score of titles ("đổi
/// tên" -> "thay đổi, cải chính, bổ sung thông tin hộ tịch"). A word typed with marks must have these marks ("lâm"
/// is not "làm"); typed without, its folded form is enough. Measured on the judged set (docs/benchmarks.md); making
/// question words such as "làm" or "thủ tục" optional for matching was tried and lowered it, so they still count.
/// </summary>
public static class QueryVocabulary
{
    private static readonly (string Key, string[] Wordings)[] ExpansionTexts =
    [
        ("làm", ["cấp", "đăng ký"]),
        ("xin", ["cấp"]),
        ("mã số thuế", ["đăng ký thuế"]),
        ("họ tên", ["thay đổi cải chính bổ sung thông tin hộ tịch"]),
        ("đổi tên", ["thay đổi cải chính bổ sung thông tin hộ tịch"]),
        ("độc thân", ["xác nhận tình trạng hôn nhân"]),
        ("sang tên xe", ["thay đổi chủ xe"]),
        ("giấy phép kinh doanh", ["đăng ký kinh doanh"]),
    ];

    /// <summary>
    /// Abbreviations and everyday names that stand for an official wording: a document holding either matches
    /// ("cấp lại cmnd" finds "Cấp lại thẻ căn cước" although no text says "cmnd").
    /// </summary>
    private static readonly (string Key, string Official)[] EquivalentTexts =
    [
        ("chứng minh nhân dân", "căn cước"),
        ("cmnd", "căn cước"),
        ("cccd", "căn cước"),
        ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
        ("sổ hồng", "giấy chứng nhận quyền sử dụng đất"),
        ("bằng lái", "giấy phép lái xe"),
        ("gplx", "giấy phép lái xe"),
        ("bhxh", "bảo hiểm xã hội"),
        ("bhyt", "bảo hiểm y tế"),
        ("mst", "mã số thuế"),
        ("ubnd", "ủy ban nhân dân"),
        ("cchc", "cải cách hành chính"),
        ("tthc", "thủ tục hành chính"),
        ("dvc", "dịch vụ công"),
    ];

    private sealed record Words(string[] Exact, string[] Folded);

    private static Words Analyse(string text) => new(SearchFields.Exact.Terms(text).ToArray(), SearchFields.Folded.Terms(text).ToArray());

    private static readonly (Words Key, string[][] Wordings)[] Expansions =
        ExpansionTexts.Select(e => (Analyse(e.Key), e.Wordings.Select(w => Analyse(w).Folded).ToArray())).ToArray();

    private static readonly (Words Key, string[] Official)[] Equivalents =
        EquivalentTexts.Select(e => (Analyse(e.Key), Analyse(e.Official).Folded)).OrderByDescending(e => e.Item1.Folded.Length).ToArray();

    /// <summary>
    /// The words of the query that stand for an official wording, as (first word, how many words, the wording's
    /// folded terms), left to right, never overlapping.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length, string[] Official)> EquivalentsOf(IReadOnlyList<string> exact, IReadOnlyList<string> folded)
    {
        var found = new List<(int, int, string[])>();
        for (var i = 0; i < folded.Count; i++)
            foreach (var (key, official) in Equivalents)
                if (StartsAt(exact, folded, i, key))
                {
                    found.Add((i, key.Folded.Length, official));
                    i += key.Folded.Length - 1;
                    break;
                }
        return found;
    }

    /// <summary>The official wordings (folded terms) of what the query says, equivalents' included, each once.</summary>
    public static IReadOnlyList<string[]> ExpansionsOf(IReadOnlyList<string> exact, IReadOnlyList<string> folded)
    {
        var found = new List<string[]>();
        var seen = new HashSet<string>();
        foreach (var (key, wordings) in Expansions)
        {
            if (!Enumerable.Range(0, folded.Count).Any(i => StartsAt(exact, folded, i, key))) continue;
            foreach (var wording in wordings)
                if (seen.Add(string.Join(' ', wording))) found.Add(wording);
        }
        foreach (var (_, _, official) in EquivalentsOf(exact, folded))
            if (seen.Add(string.Join(' ', official))) found.Add(official);
        return found;
    }

    private static bool StartsAt(IReadOnlyList<string> exact, IReadOnlyList<string> folded, int at, Words phrase)
    {
        if (at + phrase.Folded.Length > folded.Count || phrase.Exact.Length != phrase.Folded.Length) return false;
        for (var k = 0; k < phrase.Folded.Length; k++)
        {
            var typedWithMarks = exact[at + k] != folded[at + k];
            if (typedWithMarks ? exact[at + k] != phrase.Exact[k] : folded[at + k] != phrase.Folded[k]) return false;
        }
        return true;
    }
}
