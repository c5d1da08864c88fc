namespace CchcPortal.Search.Lucene;

/// <summary>
/// How citizens say it against how procedures are named. An expansion adds the official wording to the score of
/// titles ("đổi tên" -> "thay đổi, cải chính, bổ sung thông tin hộ tịch"). It never decides what matches, so totals
/// stay those of the words typed. A word typed with marks must have these marks ("lâm" is not "làm"); typed
/// without, its folded form is enough. Measured on the judged set (docs/benchmarks.md); making question words such
/// as "làm" or "thủ tục" optional for matching was tried and lowered it, so every word typed still counts.
/// </summary>
public static class QueryVocabulary
{
    private static readonly (string Key, string[] Wordings)[] ExpansionTexts =
    [
        ("làm", ["cấp", "đăng ký"]),
        ("xin", ["cấp"]),
        ("mã số thuế", ["đăng ký thuế"]),
        ("bằng lái", ["giấy phép lái xe"]),
        ("sổ đỏ", ["giấy chứng nhận quyền sử dụng đất"]),
        ("sổ hồng", ["giấy chứng nhận quyền sử dụng đất"]),
        ("chứng minh nhân dân", ["căn cước"]),
        ("căn cước công dân", ["căn cước"]),
        ("cmnd", ["căn cước"]),
        ("cccd", ["căn cước"]),
        ("họ tên", ["thay đổi cải chính bổ sung thông tin hộ tịch"]),
        ("đổi tên", ["thay đổi cải chính bổ sung thông tin hộ tịch"]),
        ("độc thân", ["xác nhận tình trạng hôn nhân"]),
        ("sang tên xe", ["thay đổi chủ xe"]),
        ("giấy phép kinh doanh", ["đăng ký kinh doanh"]),
        ("bhxh", ["bảo hiểm xã hội"]),
        ("bhyt", ["bảo hiểm y tế"]),
    ];

    private sealed record Words(string[] Exact, string[] Folded);

    private static Words Analyse(string text) => new(IndexFields.Exact.Terms(text).ToArray(), IndexFields.Folded.Terms(text).ToArray());

    private static readonly (Words Key, string[][] Wordings)[] Expansions =
        ExpansionTexts.Select(e => (Analyse(e.Key), e.Wordings.Select(w => Analyse(w).Folded).ToArray())).ToArray();

    /// <summary>The official wordings (folded terms) of what the query says, each once.</summary>
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
