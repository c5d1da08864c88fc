namespace CchcPortal.Search.Lucene;

/// <summary>
/// The words of a question that are not what is asked about: "đăng ký kết hôn cần giấy tờ gì", "cấp lại bằng lái
/// xe ở đâu", "có phải xin phép khi sửa nhà không". A result need not hold them (the procedure words must match);
/// they only add to the score when it does. Built from the citizens' questions in
/// ../shared/data/vn-research/qa ("cho em hỏi", "có được ... không ạ", "làm thế nào", "vậy", "thì") and the
/// question-shaped queries of the judged set; measured on the judged set (docs/benchmarks.md).
/// A word typed with marks must have these marks; typed without, its folded form is enough, except for the
/// words whose folded form is also a procedure word ("cần"/"căn", "hỏi"/"hội", "thì"/"thi", "có"/"cơ", "của"/"cửa", "vậy"/"vay"): those
/// count as question words only as typed with marks, or inside a longer phrase ("co can", "cho hoi").
/// </summary>
public static class QuestionWords
{
    /// <summary>Phrases and words that ask rather than name: a query's words are matched longest first.</summary>
    private static readonly string[] Anywhere =
    [
        "cho tôi hỏi", "cho em hỏi", "cho mình hỏi", "cho hỏi", "xin hỏi", "tôi muốn hỏi", "em muốn hỏi", "muốn hỏi", "xin chào",
        "như thế nào", "làm thế nào", "thế nào", "ra sao", "làm sao", "tại sao", "vì sao",
        "ở đâu", "tại đâu", "chỗ nào", "nơi nào", "ở chỗ nào", "đi đâu", "tới đâu", "đến đâu",
        "làm gì", "những gì", "giấy tờ gì", "hồ sơ gì", "cần những gì", "điều kiện gì",
        "bao lâu", "mất bao lâu", "bao nhiêu", "mất bao nhiêu", "bao nhiêu tiền", "hết bao nhiêu", "khi nào", "lúc nào",
        "có cần", "có phải", "có được", "có thể", "cần phải", "phải không",
        "thủ tục", "xin", "làm", "tôi", "cho", "giúp", "được", "những", "các", "với", "và", "nếu", "khi",
    ];

    /// <summary>Words whose folded form is also a procedure word: question words only as typed with these marks.</summary>
    private static readonly string[] OnlyWithMarks =
    [
        "cần", "có", "hỏi", "thì", "là", "để", "gì", "đâu", "mình", "em", "phải", "muốn", "nhờ", "vậy", "của", "mà", "ạ", "à", "nhé", "nhỉ",
    ];

    /// <summary>Words that ask only at the end of the question ("... không?", "đã được duyệt chưa"); inside, "không có" may matter.</summary>
    private static readonly string[] AtTheEnd = ["không", "hay không", "được không", "có không", "chưa", "hay chưa", "ko", "k", "hông", "không ạ"];

    /// <summary>
    /// Words that ask for an agency's contacts ("số điện thoại sở tư pháp", "đường dây nóng ubnd phường"): the agency's
    /// page often holds its name only, so they need not match, and they point at the directory.
    /// </summary>
    private static readonly string[] Contacts =
        ["số điện thoại", "điện thoại", "sđt", "đường dây nóng", "hotline", "địa chỉ", "email", "liên hệ", "giờ làm việc"];

    private sealed record Phrase(string[] Exact, string[] Folded, bool MarksRequired, bool EndOnly, bool Contact = false);

    private static readonly Phrase[] Phrases =
        Anywhere.Select(p => Of(p, false, false))
            .Concat(OnlyWithMarks.Select(p => Of(p, true, false)))
            .Concat(AtTheEnd.Select(p => Of(p, false, true)))
            .Concat(Contacts.Select(p => Of(p, false, false) with { Contact = true }))
            .OrderByDescending(p => p.Folded.Length).ToArray();

    private static Phrase Of(string text, bool marksRequired, bool endOnly) =>
        new(SearchFields.Exact.Terms(text).ToArray(), SearchFields.Folded.Terms(text).ToArray(), marksRequired, endOnly);

    /// <summary>Which words of a query ask rather than name, and whether it asks for an agency's contacts.</summary>
    public sealed record Found(bool[] Asks, bool Contact);

    /// <summary>For each word of the query, whether it asks rather than names. None when the words disagree in number.</summary>
    public static Found Find(IReadOnlyList<string> exact, IReadOnlyList<string> folded)
    {
        var asks = new bool[folded.Count];
        var contact = false;
        if (exact.Count != folded.Count) return new Found(asks, false);
        // From the end, so that "không" counts at the end even when "ạ" or "?" follow it.
        var end = folded.Count;
        for (var i = folded.Count - 1; i >= 0; i--)
            foreach (var phrase in Phrases)
            {
                var start = i - phrase.Folded.Length + 1;
                if (start < 0 || !Matches(exact, folded, start, phrase) || (phrase.EndOnly && i + 1 != end)) continue;
                for (var k = start; k <= i; k++) asks[k] = true;
                contact |= phrase.Contact;
                if (i + 1 == end) end = start;
                i = start;
                break;
            }
        return new Found(asks, contact);
    }

    private static bool Matches(IReadOnlyList<string> exact, IReadOnlyList<string> folded, int at, Phrase phrase)
    {
        if (phrase.Exact.Length != phrase.Folded.Length) return false;
        for (var k = 0; k < phrase.Folded.Length; k++)
        {
            var marked = exact[at + k] != folded[at + k];
            if (phrase.MarksRequired && phrase.Folded.Length == 1 && !marked && phrase.Exact[k] != phrase.Folded[k]) return false;
            if (marked ? exact[at + k] != phrase.Exact[k] : folded[at + k] != phrase.Folded[k]) return false;
        }
        return true;
    }
}
