using System.Globalization;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.Contests;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Contests;

/// <summary>
/// The organisers' live view: statistics and the ranking with the participants' personal data (administrators only;
/// each look and each export is in the audit log).
/// </summary>
public sealed class ResultsModel(ContestResults results, AuditLog audit) : ManagerPageModel
{
    public ContestStandings Standings { get; private set; } = null!;
    public ContestStatistics Statistics { get; private set; } = null!;

    public static readonly string[] ExportHeaders =
        ["Hạng", "Họ và tên", "Số điện thoại", "Đơn vị", "Xã/phường", "Điểm", "Số câu", "Thời gian làm bài (giây)", "Dự đoán", "Chênh lệch dự đoán", "Nộp bài lúc", "Số lượt đã thi"];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await results.StandingsAsync(id, ct) is not { } standings) return NotFound();
        Standings = standings;
        Statistics = await results.StatisticsAsync(id, ct);
        await audit.RecordAsync(ContestAudit.PersonalDataViewed, ContestService.Target(id), $"Xem xếp hạng cuộc thi {standings.Contest.Title} (họ tên, điện thoại, đơn vị, xã/phường)", ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        if (await results.StandingsAsync(id, ct) is not { } standings) return NotFound();
        await audit.RecordAsync(AuditActions.Exported, ContestService.Target(id), $"Xuất Excel xếp hạng cuộc thi {standings.Contest.Title} ({standings.Ranking.Count} người, có thông tin cá nhân)", ct: ct);
        var rows = standings.Ranking.Select(r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["Hạng"] = Text(r.Rank), ["Họ và tên"] = r.Participant.Name, ["Số điện thoại"] = r.Participant.Phone, ["Đơn vị"] = r.Participant.Unit,
            ["Xã/phường"] = r.Participant.Commune, ["Điểm"] = Text(r.Score), ["Số câu"] = Text(r.QuestionCount),
            ["Thời gian làm bài (giây)"] = (r.TimeTakenMs / 1000.0).ToString("0.0", CultureInfo.InvariantCulture),
            ["Dự đoán"] = Text(r.Participant.TieBreakGuess), ["Chênh lệch dự đoán"] = Text(r.GuessDistance),
            ["Nộp bài lúc"] = VnFormat.DateTime(r.SubmittedAt), ["Số lượt đã thi"] = Text(r.Attempts),
        });
        Response.Headers.CacheControl = "no-store";
        return File(TabularFile.WriteXlsx("Xep hang", ExportHeaders, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"xep-hang-{standings.Contest.Slug}.xlsx");
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

public static class ContestAudit
{
    public const string PersonalDataViewed = "contest.personal-data-viewed";
}
