using System.Globalization;
using System.Text.RegularExpressions;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Procedures;

/// <summary>A summary line per channel: <see cref="Text"/> is null when nothing is clear; <see cref="Unclear"/> when some channel is not.</summary>
public sealed record ChannelSummary(string? Text, bool Unclear);

/// <summary>The dossier as the record groups it: the groups that hold for everyone, and the groups of one case each.</summary>
public sealed record DossierGroup(string Heading, bool IsCase, IReadOnlyList<DossierItem> Items);

public sealed record DossierOverview(IReadOnlyList<DossierGroup> Groups, int CaseCount, int RequiredCount, bool HasConditionalItems, string Summary);

/// <summary>
/// The five answers at the top of a procedure page, read from the national record without claiming more than it
/// says: a time limit or fee is shown only when its number and unit are clear, per channel when channels differ;
/// otherwise the page says "xem chi tiết". Rules and the real records they were checked on: docs/tthc-import.md.
/// </summary>
public static partial class ProcedureSummary
{
    [GeneratedRegex(@"(?<![\d.,/])0*(?<n>\d+(?:[.,]\d+)?)\s*(?<u>ngày làm việc|ngày|giờ làm việc|giờ|tháng)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex NumberAndUnit();

    [GeneratedRegex(@"^trong (?:ngày|buổi)", RegexOptions.IgnoreCase)]
    private static partial Regex SameDay();

    [GeneratedRegex(@"^(?<amt>[\d,]+) (?<cur>VNĐ|Việt Nam Đồng|USD)$")]
    private static partial Regex Amount();

    // A fee note that only repeats that nothing is charged.
    [GeneratedRegex(@"^(?:không|không có|không thu|không thu phí|không mất phí|miễn|miễn phí|miễn lệ phí|miễn phí, lệ phí|miễn thu)[.;]?$", RegexOptions.IgnoreCase)]
    private static partial Regex NothingCharged();

    /// <summary>"5 ngày làm việc", "trong ngày"; null when the record gives no clear figure with its unit.</summary>
    public static string? TimeOf(ProcedureChannel c)
    {
        if (c.TimeValue is { } v)
        {
            if (v <= 0) return null;
            var number = v.ToString("0.##", VnFormat.Culture);
            if (c.TimeUnit.Length > 0) return $"{number} {c.TimeUnit.ToLowerInvariant()}";
            // The portal often leaves the unit out of the time cell and writes the time limit in the description:
            // the description's figure with the cell's number, else its only figure (the bare cell is often a placeholder 1).
            var stated = Durations(c.Description);
            if (stated.FirstOrDefault(d => d.Number == v) is { Unit: not null } same) return $"{number} {same.Unit}";
            if (stated.Count == 1) return $"{stated[0].Number.ToString("0.##", VnFormat.Culture)} {stated[0].Unit}";
            if (stated.Count == 0 && v == 1 && SameDay().IsMatch(c.Description)) return "trong ngày";
            return null;
        }
        var text = c.TimeText.Trim();
        if (text.Length is > 0 and <= 120 && (SameDay().IsMatch(text) || NumberAndUnit().IsMatch(text))) return text;
        return null;
    }

    private static List<(decimal Number, string Unit)> Durations(string text) =>
        NumberAndUnit().Matches(text)
            .Select(m => (Ok: decimal.TryParse(m.Groups["n"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n), n, Unit: m.Groups["u"].Value.ToLowerInvariant()))
            .Where(d => d.Ok && d.n > 0).Select(d => (d.n, d.Unit)).Distinct().ToList();

    /// <summary>"8.000 đồng", "miễn phí", "10 USD"; null when the record is unclear (a fee set by the province, a note that contradicts "Miễn phí").</summary>
    public static string? FeeOf(ProcedureChannel c)
    {
        var note = c.FeeNote.Trim().Trim('(', ')').Trim();
        if (c.Fee == "Miễn phí") return note.Length == 0 || NothingCharged().IsMatch(note) ? "miễn phí" : null;
        var m = Amount().Match(c.Fee);
        if (!m.Success || !long.TryParse(m.Groups["amt"].Value.Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
        if (m.Groups["cur"].Value == "USD") return $"{VnFormat.Number(amount)} USD";
        if (amount >= 1000) return $"{VnFormat.Number(amount)} đồng";
        // Amounts under 1,000 are thousands of đồng on the portal; trusted only when the note writes the full amount.
        var thousands = VnFormat.Number(amount * 1000);
        return Regex.IsMatch(note, $@"(?<![\d.]){Regex.Escape(thousands)}(?![\d.])") ? $"{thousands} đồng" : null;
    }

    public static ChannelSummary Times(IEnumerable<ProcedureChannel> channels) => PerChannel(channels, TimeOf);

    public static ChannelSummary Fees(IEnumerable<ProcedureChannel> channels) => PerChannel(channels, FeeOf);

    /// <summary>One value when every channel agrees ("5 ngày làm việc"), else "Trực tiếp: …; Trực tuyến: …" for the clear ones.</summary>
    private static ChannelSummary PerChannel(IEnumerable<ProcedureChannel> channels, Func<ProcedureChannel, string?> value)
    {
        var byKind = channels.GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g =>
            {
                var values = g.Select(value).Distinct().ToList();
                return (Kind: g.Key, Value: values.Count == 1 ? values[0] : null);
            }).ToList();
        if (byKind.Count == 0) return new(null, true);
        var clear = byKind.Where(k => k.Value is not null).ToList();
        var unclear = clear.Count < byKind.Count;
        if (clear.Count == 0) return new(null, true);
        if (!unclear && clear.Select(k => k.Value).Distinct().Count() == 1) return new(clear[0].Value, false);
        return new(string.Join("; ", clear.Select(k => $"{ProcedureText.Channel(k.Kind)}: {k.Value}")), unclear);
    }

    /// <summary>The page's meta description: the name, field and level, and what the page answers (about 160 characters).</summary>
    public static string MetaDescription(Procedure p)
    {
        var facts = string.Join(", ", new[] { p.Field.Length > 0 ? "lĩnh vực " + p.Field : "", string.Join(", ", p.LevelList).ToLowerInvariant() }.Where(x => x.Length > 0));
        var online = p.OnlineLevel != OnlineLevel.None ? ", nộp trực tuyến" : "";
        var tail = $" (mã {p.Code}{(facts.Length > 0 ? ", " + facts : "")}): hồ sơ, thời hạn, phí, nơi nộp{online}.";
        return HtmlText.Truncate(p.Name, Math.Max(60, 200 - tail.Length)) + tail;
    }

    [GeneratedRegex(@"^(?:[\s*•+\-–]|\(\d+(?:\.\d+)*\)|\d+(?:\.\d+)*[.)]|[a-zđ][.)](?=\s))*")]
    private static partial Regex Bullets();

    [GeneratedRegex(@"^(?:trường hợp|đối với|nếu)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"(?<!\d)0*[1-9]\d* bản")]
    private static partial Regex SomeCopies();

    /// <summary>A row whose quantity asks for no copy ("0 bản chính"): the record's way of adding a remark.</summary>
    private static bool IsNote(DossierItem d) => d.Quantity.Length > 0 && !SomeCopies().IsMatch(d.Quantity);

    private static string Unbulleted(string text) => text[Bullets().Match(text).Length..].TrimStart();

    /// <summary>
    /// The dossier in the record's groups. A group is a case when its heading starts "Trường hợp …" or "Đối với …"
    /// (after "*", "-", "(1)"); an item is conditional when its name does; an item asking for "0 bản chính" only is a remark, not a paper.
    /// "N giấy tờ" only when every paper applies to everyone.
    /// </summary>
    public static DossierOverview Dossier(Procedure p)
    {
        var groups = p.DossierItems.OrderBy(d => d.SortOrder).GroupBy(d => d.Group)
            .Select(g => new DossierGroup(g.Key, g.Key.Length > 0 && Conditional().IsMatch(Unbulleted(g.Key)), g.ToList())).ToList();
        var cases = groups.Count(g => g.IsCase);
        var common = groups.Where(g => !g.IsCase).SelectMany(g => g.Items).Where(d => !IsNote(d)).ToList();
        var conditional = common.Count(d => Conditional().IsMatch(Unbulleted(d.Name)));
        var required = common.Count - conditional;
        string summary;
        if (p.DossierItems.Count == 0) summary = p.DossierNote.Length > 0 ? "Xem mục Thành phần hồ sơ" : "Chưa có thông tin";
        else if (cases >= 2) summary = required > 0 ? $"{required} giấy tờ chung, thêm giấy tờ tùy trường hợp ({cases} trường hợp)" : $"Tùy trường hợp ({cases} trường hợp)";
        else if (cases == 0 && conditional == 0) summary = required > 0 ? $"{required} giấy tờ" : "Xem danh sách giấy tờ";
        else summary = required > 0 ? $"{required} giấy tờ, thêm giấy tờ khác tùy trường hợp" : "Tùy trường hợp";
        return new DossierOverview(groups, cases, required, conditional > 0 || cases > 0, summary);
    }
}
