using CchcPortal.Core.Common;

namespace CchcPortal.Core.Procedures;

/// <summary>
/// Turns a national record into a <see cref="Procedure"/>: text normalised to NFC with whitespace collapsed,
/// "Không có thông tin" made empty, and the flattened tables (channels, dossier, legal bases) parsed back into
/// rows by their known headers.
/// </summary>
public static partial class NationalRecordParser
{
    public const string NoInformation = "Không có thông tin";

    // Two subject values hold commas themselves; they are taken whole wherever they start.
    private static readonly string[] ValuesWithCommas = ["Tổ chức (không bao gồm doanh nghiệp, HTX)", "Cán bộ, công chức, viên chức"];

    /// <summary>Splits a comma-joined list, keeping "Tổ chức (không bao gồm doanh nghiệp, HTX)" and "Cán bộ, công chức, viên chức" whole.</summary>
    public static List<string> SplitList(string? joined)
    {
        var s = Clean(joined);
        var items = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var whole = ValuesWithCommas.FirstOrDefault(v => string.CompareOrdinal(s, i, v, 0, v.Length) == 0);
            int next;
            if (whole is not null) { items.Add(whole); next = i + whole.Length; }
            else
            {
                var comma = s.IndexOf(',', i);
                next = comma < 0 ? s.Length : comma;
                items.Add(s[i..next].Trim());
            }
            i = next;
            while (i < s.Length && (s[i] == ',' || s[i] == ' ')) i++;
        }
        return items.Where(v => v.Length > 0).Distinct().ToList();
    }

    /// <summary>One-line text: NFC, whitespace collapsed, the "no information" literal made empty.</summary>
    public static string Clean(string? text)
    {
        var t = VietnameseText.Normalize(text);
        return t == NoInformation ? "" : t;
    }

    /// <summary>Multi-line text: NFC, spaces collapsed within lines, blank lines dropped, "no information" empty.</summary>
    public static string CleanLines(string? text)
    {
        var lines = VietnameseText.NormalizeLines(text).Split('\n').Select(VietnameseText.Normalize).Where(l => l.Length > 0);
        var joined = string.Join("\n", lines);
        return joined == NoInformation ? "" : joined;
    }

    public static (Procedure? Procedure, string? Error) Parse(NationalRecord r)
    {
        var name = Clean(r.Name).TrimStart('.', ' ', '-').Trim();
        if (name.Length == 0) return (null, "Thiếu tên thủ tục.");
        var p = new Procedure
        {
            Code = Clean(r.Code),
            Name = name,
            DecisionNumber = Clean(r.DecisionNumber),
            ProcedureType = Clean(r.ProcedureType),
            Field = Clean(r.Field),
            Levels = Procedure.Join(SplitList(r.Levels)),
            Subjects = Procedure.Join(SplitList(r.Subjects)),
            CompetentAgency = Clean(r.CompetentAgency),
            ExecutingAgency = Clean(r.ExecutingAgency),
            AuthorizedAgency = Clean(r.AuthorizedAgency),
            CoordinatingAgency = Clean(r.CoordinatingAgency),
            ReceivingAddress = Clean(r.ReceivingAddress),
            RelatedProcedures = Clean(r.RelatedProcedures),
            Steps = CleanLines(r.Steps),
            Requirements = CleanLines(r.Requirements),
            SourceUrl = Clean(r.DetailUrl),
        };
        (p.ResultName, p.ResultCode) = ParseResult(r.Result);

        var (channels, channelError) = ParseChannels(r.Channels);
        if (channelError is not null) return (null, "Cách thức thực hiện: " + channelError);
        p.Channels = channels;
        var (dossier, dossierNote) = ParseDossier(r.Dossier);
        p.DossierItems = dossier;
        p.DossierNote = dossierNote ?? "";
        var (legal, legalError) = ParseLegalBases(r.LegalBases);
        if (legalError is not null) return (null, "Căn cứ pháp lý: " + legalError);
        p.LegalBases = legal;

        p.SearchText = VietnameseText.Fold($"{p.Code} {p.Name} {p.Field}");
        return (p, null);
    }
}
