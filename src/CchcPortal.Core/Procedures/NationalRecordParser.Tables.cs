using System.Globalization;
using System.Text.RegularExpressions;

namespace CchcPortal.Core.Procedures;

// The national portal's tables arrive as text with no cell separators. Each table is parsed by anchoring on
// its fixed header and on the recognisable last cell of a row (channel + time + fee, a quantity, a document
// code). Rules and counts were worked out over all 2,642 real records; see docs/tthc-import.md.
public static partial class NationalRecordParser
{
    private const string ChannelHeader = "Hình thức nộpThời gianPhí, lệ phíMô tả";
    private const string DossierHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
    private const string LegalHeader = "Tên văn bản pháp lýMã văn bản";

    // ---- Kết quả ------------------------------------------------------------------------------------------

    [GeneratedRegex(@"Mã: (?<code>KQ[.-][GH]\d{2}\.\d{6}|[A-Z0-9][A-Z0-9.\-]*\d|VBTT\w*)")]
    private static partial Regex ResultCode();

    /// <summary>Result names and codes ("Giấy khai sinhMã: KQ.G15.000031Từ khóa..."); several results are joined by "; ".</summary>
    public static (string Name, string Code) ParseResult(string? text)
    {
        var s = VietnameseTextLines(text);
        if (s.Length == 0 || s == NoInformation) return ("", "");
        var codes = ResultCode().Matches(s);
        var tailFrom = codes.Count > 0 ? codes[^1].Index + codes[^1].Length : 0;
        var junk = s.IndexOf("Từ khóa", tailFrom, StringComparison.Ordinal);
        var head = junk < 0 ? s : s[..junk];
        var names = new List<string>();
        var numbers = new List<string>();
        var pos = 0;
        foreach (Match m in ResultCode().Matches(head))
        {
            names.Add(Clean(head[pos..m.Index]));
            numbers.Add(m.Groups["code"].Value);
            pos = m.Index + m.Length;
        }
        if (Clean(head[pos..]) is { Length: > 0 } last) names.Add(last);
        return (string.Join("; ", names.Where(n => n.Length > 0)), string.Join("; ", numbers));
    }

    // ---- Cách thức thực hiện -------------------------------------------------------------------------------

    private const string Channel = "(?<ch>Trực tiếp|Trực tuyến|Dịch vụ bưu chính)";
    private const string Fee = @"(?<fee>Miễn phí|Không có thông tin|(?<amt>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0) (?<cur>VNĐ|Việt Nam Đồng|USD))";

    // A real row head is a channel glued to its time and fee; the unit-less time is lazy so "Trực tuyến120 VNĐ"
    // reads as time 1, fee 20 VNĐ (the portal stores such amounts in thousands).
    [GeneratedRegex(@"\G" + Channel + @"(?<time>Không có thông tin|(?<tn>\d+(?:[.,]\d+)?) ?(?<tu>Ngày làm việc|Ngày|Giờ|Tháng)|(?<tn2>\d+?))" + Fee)]
    private static partial Regex StrictHead();

    [GeneratedRegex(@"\G" + Channel + @"(?<time>[A-ZĐÀ-Ỹ](?:(?!Trực tiếp|Trực tuyến|Dịch vụ bưu chính|Miễn phí|Không có thông tin).){0,300}?)(?<fee>Miễn phí|Không có thông tin)", RegexOptions.Singleline)]
    private static partial Regex LenientHead();

    [GeneratedRegex("Trực tiếp|Trực tuyến|Dịch vụ bưu chính")]
    private static partial Regex AnyChannel();

    [GeneratedRegex(@"^\((?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"/TT-BTC\)+")]
    private static partial Regex WaiverEnd();

    public static (List<ProcedureChannel> Channels, string? Error) ParseChannels(string? text)
    {
        var s = VietnameseTextLines(text);
        if (s.Length == 0 || s == NoInformation) return ([], null);
        if (!s.StartsWith(ChannelHeader, StringComparison.Ordinal)) return ([], $"thiếu dòng tiêu đề \"{ChannelHeader}\".");
        var body = s[ChannelHeader.Length..];
        var heads = new List<Match>();
        foreach (Match candidate in AnyChannel().Matches(body))
        {
            if (heads.Count > 0 && candidate.Index < heads[^1].Index + heads[^1].Length) continue;
            var head = StrictHead().Match(body, candidate.Index);
            if (!head.Success) head = LenientHead().Match(body, candidate.Index);
            if (head.Success) heads.Add(head);
        }
        if (body.Trim().Length > 0 && (heads.Count == 0 || heads[0].Index != 0))
            return ([], $"không nhận ra cách nộp ở đầu \"{Truncate(body)}\".");

        var channels = new List<ProcedureChannel>();
        for (var i = 0; i < heads.Count; i++)
        {
            var m = heads[i];
            var rowEnd = i + 1 < heads.Count ? heads[i + 1].Index : body.Length;
            var rest = body[(m.Index + m.Length)..rowEnd];
            var fee = m.Groups["fee"].Value;
            var note = "";
            if (fee != NoInformation && rest.StartsWith('(') && !Enumerator().IsMatch(rest))
            {
                var end = BalancedEnd(rest);
                if (end < 0)
                {
                    // An unclosed note: the portal appended a fee waiver ("... Thông tư 40/2026/TT-BTC)"), or it simply lacks ')'.
                    var waiver = WaiverEnd().Match(rest);
                    end = waiver.Success ? waiver.Index + waiver.Length : rest.LastIndexOf(')') + 1;
                    if (end <= 0) end = rest.Length;
                }
                note = rest[1..end].TrimEnd(')');
                rest = rest[end..];
            }
            var channel = new ProcedureChannel
            {
                Kind = KindOf(m.Groups["ch"].Value),
                Fee = fee == NoInformation ? "" : fee,
                FeeNote = Clean(note),
                Description = CleanLines(rest),
                SortOrder = i,
            };
            var number = m.Groups["tn"].Success ? m.Groups["tn"].Value : m.Groups["tn2"].Success ? m.Groups["tn2"].Value : null;
            if (number is not null)
            {
                channel.TimeValue = decimal.Parse(number.Replace(',', '.'), CultureInfo.InvariantCulture);
                channel.TimeUnit = m.Groups["tu"].Success ? m.Groups["tu"].Value : "";
            }
            else channel.TimeText = Clean(m.Groups["time"].Value);
            channels.Add(channel);
        }
        return (channels, null);
    }

    private static ChannelKind KindOf(string name) => name switch
    {
        "Trực tuyến" => ChannelKind.Online,
        "Dịch vụ bưu chính" => ChannelKind.Postal,
        _ => ChannelKind.Direct,
    };

    private static int BalancedEnd(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')' && --depth == 0) return i + 1;
        }
        return -1;
    }

    // ---- Thành phần hồ sơ -----------------------------------------------------------------------------------

    // The quantity ends a row; it is one digit (or 0d), since names ending in digits are glued to it
    // ("...ngày 24/07/20231 bản chính"), and it is never followed by a space (then it is inside a name).
    [GeneratedRegex(@"(?:(?<!\d)0(?<n0>\d)|(?<n>\d)) (?<k>bản (?:chính|sao|chụp))(?<more>(?:,\d+ bản (?:chính|sao|chụp))*)(?![,\s])")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"(?:\.(?:docx|doc|pdf|xlsx|xls))+$", RegexOptions.IgnoreCase)]
    private static partial Regex EndsWithFile();

    [GeneratedRegex(@"\.(?:docx|doc|pdf|xlsx|xls)", RegexOptions.IgnoreCase)]
    private static partial Regex FileExtension();

    [GeneratedRegex(@"\G(?:m[ẫa]u|mus?\d|ph[ụu] ?l[ụu]c|phl?c|phuluc|pl\b|pl ?\d|tk\b|tk ?\d|t[ờo] ?khai|\d+[-.]|na\d|nc\d|m\d|đơn|don\b|bi[ểe]u|gi[ấa]y|b[ảa]n|ttc?hc\d|qd|qđ)", RegexOptions.IgnoreCase)]
    private static partial Regex FilePrefix();

    public static (List<DossierItem> Items, string? Note) ParseDossier(string? text)
    {
        var s = VietnameseTextLines(text);
        if (s.Length == 0 || s == NoInformation || s.Trim() == "--") return ([], null);
        // A few scraped records hold text from another section here: keep it as a note, with no items.
        if (!s.Contains(DossierHeader, StringComparison.Ordinal)) return ([], CleanLines(s));
        var parts = s.Split(DossierHeader);
        var heading = parts[0];
        var group = "";
        var items = new List<DossierItem>();
        foreach (var part in parts.Skip(1))
        {
            group = GroupName(heading);
            var pos = 0;
            foreach (Match q in Quantity().Matches(part))
            {
                AddItem(items, group, part[pos..q.Index], QuantityText(q));
                pos = q.Index + q.Length;
            }
            heading = part[pos..];
        }
        // Text after the last quantity of the last table is a row with an empty quantity cell.
        if (heading.Trim().Trim('-').Length > 0) AddItem(items, group, heading, "");
        return (items, null);
    }

    private static string GroupName(string heading)
    {
        var h = Clean(heading);
        return h is "--" or "" ? "" : h;
    }

    private static string QuantityText(Match q)
    {
        var first = (q.Groups["n0"].Success ? q.Groups["n0"].Value : q.Groups["n"].Value) + " " + q.Groups["k"].Value;
        var more = q.Groups["more"].Value;
        return more.Length == 0 ? first : first + ", " + more.TrimStart(',').Replace(",", ", ");
    }

    private static void AddItem(List<DossierItem> items, string group, string rowText, string quantity)
    {
        var (name, forms) = SplitForms(rowText);
        name = CleanLines(name);
        if (name.Length == 0 && forms.Length == 0) return;
        items.Add(new DossierItem { Group = group, Name = name, FormName = forms, Quantity = quantity, SortOrder = items.Count });
    }

    /// <summary>Splits "Đơn đề nghị ...Mẫu số 01.docxMẫu số 02.docx" into the name and the form files (best effort).</summary>
    private static (string Name, string Forms) SplitForms(string pre)
    {
        if (!EndsWithFile().IsMatch(pre)) return (pre, "");
        var p = pre[..FileExtension().Match(pre).Index];
        var candidates = Boundaries(p);
        var withPrefix = candidates.Where(i => FilePrefix().Match(p, i).Success).ToList();
        var start = withPrefix.Count > 0 ? withPrefix[^1] : candidates.Count > 0 ? candidates[^1] : 0;
        var block = pre[start..].Trim();
        var files = Regex.Matches(block, @".+?(?:\.(?:docx|doc|pdf|xlsx|xls)(?![a-z]))+", RegexOptions.IgnoreCase).Select(m => m.Value.Trim());
        return (start == 0 ? pre : pre[..start], string.Join("\n", files));
    }

    private static bool Upper(char c) => char.IsLetter(c) && char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) != c;
    private static bool Lower(char c) => char.IsLetter(c) && char.ToLowerInvariant(c) == c && char.ToUpperInvariant(c) != c;

    private static List<int> Boundaries(string p)
    {
        var result = new List<int>();
        for (var i = 1; i < p.Length; i++)
        {
            char a = p[i - 1], b = p[i];
            if (char.IsWhiteSpace(a) || char.IsWhiteSpace(b)) continue;
            if (a is ')' or ';' or ']' && char.IsLetterOrDigit(b)) result.Add(i);
            else if (a is '.' or ':' && (char.IsLetter(b) || char.IsDigit(b) && !(i >= 2 && char.IsDigit(p[i - 2])))) result.Add(i);
            else if (a == ',' && Upper(b)) result.Add(i);
            else if (Lower(a) && (Upper(b) || char.IsDigit(b))) result.Add(i);
            else if (char.IsDigit(a) && Upper(b)) result.Add(i);
            else if (Upper(a) && Lower(b) && i >= 3 && Upper(p[i - 2]) && p[i - 3] is not (' ' or '(')) result.Add(i - 1);
        }
        return result;
    }

    // ---- Căn cứ pháp lý ------------------------------------------------------------------------------------

    // The issuer suffix comes from a fixed list: the next name is glued on ("NĐ-CPNghị định", "TT-BTCThông tư"),
    // so a greedy capital run would eat its first letter. QH takes exactly two digits ("…/QH1354/2014/QH13").
    private const string Issuers = "BLĐTBXH|BNNPTNT|BVHTTDL|VKSNDTC|TANDTC|UBCKNN|BHXHVN|BNNMT|BGTVT|BKHĐT|BTNMT|BTTTT|BGDĐT|BKHCN|BVHTT|BBCVT|NHNN|BHXH|VPCP|UBND|HĐND|TTCP|KTNN|UBDT|TCHQ|BTC|BTP|BCA|BXD|BYT|BNV|BCT|BQP|BNG|BKH|BTM|BCN|BTS|CSXH|TTg|CP";

    [GeneratedRegex(@"(?<!/)\d+(?:\.\d+)?[a-z]?(?:/\d{4})?/(?:(?:[A-ZĐ]+[-/_])*(?:UBTVQH\d{2}|QH\d{2}|(?:" + Issuers + @"))|QH\d{2}|UBTVQH\d{2})")]
    private static partial Regex DocumentCode();

    [GeneratedRegex(@"\G(?<!/)\d+(?:\.\d+)?[a-z]?(?:/\d{4})?/(?:(?:[A-ZĐ]+[-/_])*(?:UBTVQH\d{2}|QH\d{2}|(?:" + Issuers + @"))|QH\d{2}|UBTVQH\d{2})")]
    private static partial Regex DocumentCodeHere();

    [GeneratedRegex(@"(?<![/\d])\d+/\d{4}(?=$|[A-ZĐÀ-Ỹ])|\d+-CP(?=$|[A-ZĐÀ-Ỹ])")]
    private static partial Regex LooseCode();

    [GeneratedRegex(@"(?<=[a-zà-ỹđ.;)])((?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh)(?: số)? ?)$")]
    private static partial Regex CodePrefix();

    [GeneratedRegex(@"^\s+[A-ZĐÀ-Ỹ]")]
    private static partial Regex SpaceThenCapital();

    public static (List<LegalBasis> Items, string? Error) ParseLegalBases(string? text)
    {
        var s = VietnameseTextLines(text);
        if (s.Length == 0 || s.StartsWith(NoInformation, StringComparison.Ordinal)) return ([], null);
        // A few scraped records carry fee text here instead of the table: keep the documents it cites.
        if (!s.StartsWith(LegalHeader, StringComparison.Ordinal)) return (CitedDocuments(s), null);
        var body = s[LegalHeader.Length..];

        var matches = DocumentCode().Matches(body).Concat(LooseCode().Matches(body)).OrderBy(m => m.Index).ToList();
        var ends = new List<Match>();
        var last = -1;
        foreach (var m in matches)
        {
            if (m.Index < last) continue;
            var after = m.Index + m.Length;
            var gluedBefore = m.Index > 0 && !char.IsWhiteSpace(body[m.Index - 1]);
            var endsRow = after == body.Length || char.IsLetterOrDigit(body[after]) || gluedBefore && SpaceThenCapital().IsMatch(body[after..]);
            if (!endsRow) continue;
            // "Luật 60/2014/QH1360/2014/QH13": the first code belongs to the name.
            var again = DocumentCodeHere().Match(body, after);
            if (again.Success && again.Value == m.Value) continue;
            ends.Add(m);
            last = after;
        }

        var items = new List<LegalBasis>();
        var pos = 0;
        foreach (var m in ends)
        {
            var name = body[pos..m.Index];
            var code = m.Value;
            var prefix = CodePrefix().Match(name);
            if (prefix.Success)
            {
                code = prefix.Groups[1].Value + code;
                name = name[..prefix.Index];
            }
            items.Add(new LegalBasis { Name = Clean(name), Number = Clean(code), SortOrder = items.Count });
            pos = m.Index + m.Length;
            while (pos < body.Length && char.IsWhiteSpace(body[pos])) pos++;
        }
        var rest = body[pos..];
        if (rest.Trim().Length > 0)
        {
            // The last row's code cell is free text ("Luật Thú y 2015", "24/2024"): split at the last glue point.
            var glue = LastGlue(rest);
            items.Add(glue > 0
                ? new LegalBasis { Name = Clean(rest[..glue]), Number = Clean(rest[glue..]), SortOrder = items.Count }
                : new LegalBasis { Name = Clean(rest), SortOrder = items.Count });
        }
        return (items, null);
    }

    private static int LastGlue(string t)
    {
        for (var i = t.Length - 1; i >= 1; i--)
            if (!char.IsWhiteSpace(t[i - 1]) && (Lower(t[i - 1]) || t[i - 1] is '.' or ';' or ')') && (Upper(t[i]) || char.IsDigit(t[i])))
                return i;
        return -1;
    }

    private static readonly string[] DocumentKinds = ["Luật", "Bộ luật", "Nghị định", "Nghị quyết", "Thông tư liên tịch", "Thông tư", "Quyết định", "Chỉ thị", "Pháp lệnh", "Công văn"];

    /// <summary>Every document code cited in free text, each with the clause that names it.</summary>
    private static List<LegalBasis> CitedDocuments(string text)
    {
        var items = new List<LegalBasis>();
        foreach (Match m in DocumentCode().Matches(text))
        {
            if (items.Any(i => i.Number == m.Value)) continue;
            var window = Math.Max(0, m.Index - 40);
            var start = DocumentKinds.Select(k => text.LastIndexOf(k, m.Index, m.Index - window, StringComparison.Ordinal))
                .Where(i => i >= 0).DefaultIfEmpty(m.Index).Min();
            var end = text.IndexOfAny([')', ';'], m.Index);
            items.Add(new LegalBasis { Name = Clean(text[start..(end < 0 ? text.Length : end)]), Number = m.Value, SortOrder = items.Count });
        }
        return items;
    }

    private static string VietnameseTextLines(string? text) => Common.VietnameseText.NormalizeLines(text).Trim();

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
