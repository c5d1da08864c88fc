using System.Security.Cryptography;
using System.Text;
using CchcPortal.Core.Procedures;

namespace CchcPortal.Core.Subscriptions;

/// <summary>
/// The public fields of a procedure reduced to a short hash each, so the dispatcher can say which fields changed
/// since it last looked without keeping a copy of the texts.
/// </summary>
public static class ProcedureFingerprint
{
    /// <summary>Field name (stored) and its Vietnamese label (shown in the e-mail), in a fixed order.</summary>
    public static readonly IReadOnlyList<(string Name, string Label, Func<Procedure, string> Value)> Fields =
    [
        ("Name", "Tên thủ tục", p => p.Name),
        ("Status", "Tình trạng hiệu lực", p => $"{p.Status}|{p.ReplacedByCode}|{p.EffectiveFrom:yyyy-MM-dd}|{p.EffectiveTo:yyyy-MM-dd}"),
        ("Steps", "Trình tự thực hiện", p => p.Steps),
        ("Channels", "Cách thức thực hiện, thời hạn giải quyết, phí, lệ phí",
            p => string.Join("\n", p.Channels.OrderBy(c => c.SortOrder).ThenBy(c => c.Kind).Select(c => $"{c.Kind}|{c.TimeText}|{c.Fee}|{c.FeeNote}|{c.Description}"))),
        ("Dossier", "Thành phần hồ sơ",
            p => p.DossierNote + "\n" + string.Join("\n", p.DossierItems.OrderBy(d => d.SortOrder).Select(d => $"{d.Group}|{d.Name}|{d.FormName}|{d.Quantity}"))),
        ("Requirements", "Yêu cầu, điều kiện", p => p.Requirements),
        ("Agencies", "Cơ quan thực hiện", p => $"{p.CompetentAgency}|{p.ExecutingAgency}|{p.AuthorizedAgency}|{p.CoordinatingAgency}|{p.ReceivingAddress}"),
        ("Result", "Kết quả thực hiện", p => $"{p.ResultName}|{p.ResultCode}"),
        ("LegalBases", "Căn cứ pháp lý", p => string.Join("\n", p.LegalBases.OrderBy(l => l.SortOrder).Select(l => $"{l.Number}|{l.Name}"))),
        ("Online", "Dịch vụ công trực tuyến", p => $"{p.OnlineLevel}|{p.OnlineServiceUrl}"),
    ];

    /// <summary>"Name=hash;…" of <paramref name="p"/> (its channels, dossier items and legal bases loaded).</summary>
    public static string Of(Procedure p) => string.Join(";", Fields.Select(f => $"{f.Name}={Hash(f.Value(p))}"));

    /// <summary>The labels of the fields whose hash differs between two fingerprints, in <see cref="Fields"/> order.</summary>
    public static IReadOnlyList<string> ChangedLabels(string before, string after)
    {
        var old = Parse(before);
        var now = Parse(after);
        return Fields.Where(f => old.GetValueOrDefault(f.Name) != now.GetValueOrDefault(f.Name)).Select(f => f.Label).ToList();
    }

    /// <summary>A short key of the whole state, for the item's unique key.</summary>
    public static string StateKey(string fingerprint) => Hash(fingerprint);

    private static Dictionary<string, string> Parse(string fingerprint) =>
        fingerprint.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormC).Trim())))[..16];
}
