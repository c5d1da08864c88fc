using System.Text.RegularExpressions;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Questions;

/// <summary>What <see cref="PersonalDataScan.Warnings"/> found: where (the public part) and what, e.g. họ tên “bà Lan”.</summary>
public sealed record PersonalDataWarning(string Place, string Kind, string Found)
{
    public string Message => $"{Place}: {Kind} “{Found}”.";
}

/// <summary>
/// Personal data in what a case will make public: the first redaction done at acceptance (phone, e-mail, ID-card
/// numbers, street addresses), and the warnings shown to the responder and the head before "Phê duyệt".
/// </summary>
public static partial class PersonalDataScan
{
    public const string Title = "Tiêu đề", Question = "Câu hỏi công khai", Answer = "Phần trả lời";

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")] private static partial Regex EmailLike();

    // Not inside an amount ("1.500.000.000 đồng") or a document number.
    [GeneratedRegex(@"(?<![\d.,/])(\+?84|0)[\d .-]{8,13}\d(?![\d/])")] private static partial Regex PhoneLike();

    // CCCD (12 digits) or CMND (9 digits), possibly grouped by spaces or dots; not an amount with its unit, not part of
    // a longer number, a date or a document number ("61/2018/NĐ-CP").
    [GeneratedRegex(@"(?<![\p{L}\d/,.-])\d(?:[ .]?\d){11}(?!\d|[/-]|[.,]\d|\s*(?i:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn|%))|(?<![\p{L}\d/,.-])\d(?:[ .]?\d){8}(?!\d|[/-]|[.,]\d|\s*(?i:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn|%))")]
    private static partial Regex IdNumberLike();

    private const string HouseNumber = @"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*(?![\d/])";
    private const string Name = @"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*";
    // A capitalised name that is not a legal reference or an authority ("Điều 12 Luật Đất đai", "ngày 5 Tháng").
    private const string StreetName = @"(?!(?:Luật|Điều|Khoản|Điểm|Chương|Mục|Nghị|Thông|Quyết|Chỉ|Bộ|Chính|Ủy|Uỷ|Hội|Sở|Phòng|Ban|Quốc|Tháng|Năm|Ngày|Giờ)\b)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*)+";
    // ngõ 12, ngách 3, hẻm 45/2, kiệt 7, tổ 3, tổ dân phố 5, khu phố 2, đường 3/2, phố Huế, đường Lê Duẩn.
    private const string Part = @"(?:(?i:ngõ|ngách|hẻm|kiệt|tổ\s+dân\s+phố|tổ|khu\s+phố)\s+" + HouseNumber + @"|(?i:đường|phố)\s+(?:" + HouseNumber + "|" + Name + "))";
    private const string Tail = @"(?:[ \t]*,?[ \t]*" + Part + ")*";
    private const string NotLegal = @"(?<!(?i:điều|khoản|điểm|chương|mục|năm|ngày|tháng|quý|lần|phụ\s+lục)\s+)";

    [GeneratedRegex(
        @"(?<![\p{L}\d/])(?:" +
        @"(?i:số\s+nhà|nhà\s+số)\s+" + HouseNumber + @"(?:[ \t]+" + StreetName + ")?" + Tail +
        "|" + NotLegal + @"(?:(?i:số)\s+)?" + HouseNumber + @"[ \t]*,?[ \t]*" + Part + Tail +
        "|" + NotLegal + @"(?:(?i:số)\s+)?" + HouseNumber + @"[ \t]+" + StreetName + Tail +
        @"|(?i:ngõ|ngách|hẻm|kiệt|tổ\s+dân\s+phố|tổ|khu\s+phố)\s+" + HouseNumber + Tail +
        ")")]
    private static partial Regex AddressLike();

    /// <summary>A first redaction the moderator reviews: e-mail, ID-card numbers, phone numbers and street addresses are masked.</summary>
    public static string Redact(string text)
    {
        text = EmailLike().Replace(text, "[đã ẩn thư điện tử]");
        text = IdNumberLike().Replace(text, "[đã ẩn số giấy tờ]");
        text = PhoneLike().Replace(text, "[đã ẩn số điện thoại]");
        return AddressLike().Replace(text, "[đã ẩn địa chỉ]");
    }

    /// <summary>
    /// What in the public title, question and answer (HTML, scanned as text) looks like the asker's name (in full, or the
    /// given name after ông, bà, anh, chị, ...: compared without diacritics or case), a phone, an e-mail, an ID-card
    /// number or a street address.
    /// </summary>
    public static IReadOnlyList<PersonalDataWarning> Warnings(QuestionCase c, string publicQuestion, string answerHtml)
    {
        var found = new List<PersonalDataWarning>();
        foreach (var (place, text) in new[] { (Title, c.Title), (Question, publicQuestion), (Answer, HtmlText.ToPlainText(answerHtml)) })
            found.AddRange(Scan(c, place, VietnameseText.Normalize(text)));
        return found;
    }

    private static IEnumerable<PersonalDataWarning> Scan(QuestionCase c, string place, string text)
    {
        foreach (var name in NameMentions(c.SubmitterName, text)) yield return new(place, "họ tên người gửi", name);
        foreach (Match m in EmailLike().Matches(text))
            yield return new(place, string.Equals(m.Value, c.SubmitterEmail.Trim(), StringComparison.OrdinalIgnoreCase) ? "thư điện tử của người gửi" : "thư điện tử", m.Value);
        var noEmail = EmailLike().Replace(text, " ");
        foreach (Match m in IdNumberLike().Matches(noEmail)) yield return new(place, "số giống số CCCD/CMND", m.Value);
        foreach (Match m in PhoneLike().Matches(IdNumberLike().Replace(noEmail, " ")))
            yield return new(place, Digits(m.Value) == Digits(c.SubmitterPhone) && Digits(m.Value).Length > 0 ? "số điện thoại của người gửi" : "số điện thoại", m.Value);
        foreach (Match m in AddressLike().Matches(text)) yield return new(place, "địa chỉ", m.Value.Trim());
    }

    private static readonly string[] Titles = ["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "bạn"];

    /// <summary>The asker's full name, or the given name (the last word of "Họ Đệm Tên") after a title, as written in the text.</summary>
    private static IEnumerable<string> NameMentions(string submitterName, string text)
    {
        var words = VietnameseText.Fold(submitterName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) yield break;
        // Without diacritics an NFC text keeps its length (one letter for one letter), so a match's offsets hold in it.
        var folded = VietnameseText.RemoveDiacritics(text).ToLowerInvariant();
        var titles = string.Join('|', Titles.Select(VietnameseText.Fold));
        var pattern = $@"(?<![\p{{L}}\d])(?:{string.Join(@"\s+", words.Select(Regex.Escape))}|(?:{titles})\s+{Regex.Escape(words[^1])})(?![\p{{L}}\d])";
        foreach (Match m in Regex.Matches(folded, pattern))
            yield return folded.Length == text.Length ? text.Substring(m.Index, m.Length) : m.Value;
    }

    private static string Digits(string? text)
    {
        var digits = new string((text ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("84") && digits.Length > 10 ? "0" + digits[2..] : digits;
    }
}
