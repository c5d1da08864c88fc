using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Procedures;

/// <summary>Manager edits of procedures: fields, status (amended, replaced, abolished), online service, agencies, forms. Every change is kept in the history.</summary>
public sealed class ProcedureService(PortalDbContext db, TimeProvider time, ChangeFeed feed)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>History labels of a manager's edit of the online service; the importer never overwrites what they set.</summary>
    public const string OnlineLevelEdit = "mức dịch vụ công trực tuyến", OnlineUrlEdit = "địa chỉ dịch vụ công trực tuyến";

    public async Task<OperationResult<Procedure>> UpdateAsync(int id, ProcedureEditInput input, string by, CancellationToken ct = default)
    {
        var p = await db.Procedures.Include(x => x.AgencyLinks).Include(x => x.Channels).Include(x => x.DossierItems).Include(x => x.LegalBases)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return OperationResult<Procedure>.Missing();
        var errors = input.Validate();
        var code = input.Code.Trim();
        if (await db.Procedures.AnyAsync(x => x.Code == code && x.Id != id, ct)) errors.Add(nameof(input.Code), $"Mã {code} đã được thủ tục khác sử dụng.");
        if (input.Status == ProcedureStatus.Replaced && (input.ReplacedByCode ?? "").Trim() == code)
            errors.Add(nameof(input.ReplacedByCode), "Thủ tục không thể thay thế chính nó.");
        var agencyIds = input.AgencyIds.Distinct().ToList();
        if (agencyIds.Count > 0 && await db.Agencies.CountAsync(a => agencyIds.Contains(a.Id), ct) != agencyIds.Count)
            errors.Add(nameof(input.AgencyIds), "Có cơ quan đã chọn không còn trong danh bạ.");
        if (errors.Any) return OperationResult<Procedure>.Invalid(errors);

        var changes = new List<string>();
        void Set(string label, string before, string after, Action apply)
        {
            if (before == after) return;
            apply();
            changes.Add(label);
        }
        Set("mã", p.Code, code, () => p.Code = code);
        Set("tên", p.Name, VietnameseText.Normalize(input.Name), () => p.Name = VietnameseText.Normalize(input.Name));
        Set("quyết định công bố", p.DecisionNumber, VietnameseText.Normalize(input.DecisionNumber), () => p.DecisionNumber = VietnameseText.Normalize(input.DecisionNumber));
        Set("lĩnh vực", p.Field, VietnameseText.Normalize(input.Field), () => p.Field = VietnameseText.Normalize(input.Field));
        Set("cơ quan thực hiện", p.ExecutingAgency, VietnameseText.Normalize(input.ExecutingAgency), () => p.ExecutingAgency = VietnameseText.Normalize(input.ExecutingAgency));
        Set("địa chỉ tiếp nhận", p.ReceivingAddress, VietnameseText.Normalize(input.ReceivingAddress), () => p.ReceivingAddress = VietnameseText.Normalize(input.ReceivingAddress));
        Set("trình tự thực hiện", p.Steps, NationalRecordParser.CleanLines(input.Steps), () => p.Steps = NationalRecordParser.CleanLines(input.Steps));
        Set("yêu cầu, điều kiện", p.Requirements, NationalRecordParser.CleanLines(input.Requirements), () => p.Requirements = NationalRecordParser.CleanLines(input.Requirements));
        Set("kết quả", p.ResultName, VietnameseText.Normalize(input.ResultName), () => p.ResultName = VietnameseText.Normalize(input.ResultName));
        Set(OnlineLevelEdit, p.OnlineLevel.ToString(), input.OnlineLevel.ToString(), () => p.OnlineLevel = input.OnlineLevel);
        Set(OnlineUrlEdit, p.OnlineServiceUrl, (input.OnlineServiceUrl ?? "").Trim(), () => p.OnlineServiceUrl = (input.OnlineServiceUrl ?? "").Trim());
        Set($"tình trạng: {ProcedureText.Status(input.Status)}", p.Status.ToString(), input.Status.ToString(), () => p.Status = input.Status);
        var replacedBy = input.Status == ProcedureStatus.Replaced ? (input.ReplacedByCode ?? "").Trim() : "";
        Set("thủ tục thay thế", p.ReplacedByCode, replacedBy, () => p.ReplacedByCode = replacedBy);
        var from = Date(input.EffectiveFrom);
        var to = input.Status is ProcedureStatus.Replaced or ProcedureStatus.Abolished ? Date(input.EffectiveTo) : null;
        Set("ngày có hiệu lực", $"{p.EffectiveFrom:o}", $"{from:o}", () => p.EffectiveFrom = from);
        Set("ngày hết hiệu lực", $"{p.EffectiveTo:o}", $"{to:o}", () => p.EffectiveTo = to);
        var currentAgencies = p.AgencyLinks.Select(l => l.AgencyId).OrderBy(x => x).ToList();
        Set("cơ quan thực hiện trong danh bạ", string.Join(",", currentAgencies), string.Join(",", agencyIds.OrderBy(x => x)), () =>
        {
            p.AgencyLinks.RemoveAll(l => !agencyIds.Contains(l.AgencyId));
            foreach (var a in agencyIds.Where(a => !currentAgencies.Contains(a))) p.AgencyLinks.Add(new ProcedureAgencyLink { AgencyId = a });
        });

        var levels = Procedure.Join(ProcedureEditInput.KnownLevels.Where(input.Levels.Contains));
        Set("cấp thực hiện", p.Levels, levels, () => p.Levels = levels);
        var subjects = Procedure.Join((input.Subjects ?? "").Split('\n').Select(VietnameseText.Normalize).Where(x => x.Length > 0).Distinct());
        Set("đối tượng thực hiện", p.Subjects, subjects, () => p.Subjects = subjects);
        ApplyLists(p, input, changes);

        if (changes.Count > 0)
        {
            p.SearchText = VietnameseText.Fold($"{p.Code} {p.Name} {p.Field}");
            p.UpdatedAt = Now;
            p.History.Add(new ProcedureHistoryEntry { At = Now, By = by, Change = "Sửa " + string.Join(", ", changes) + "." });
            feed.Record(ContentKinds.Procedure, p.Id, ChangeOperation.Upsert, "update");
            await db.SaveChangesAsync(ct);
        }
        return OperationResult<Procedure>.Ok(p);
    }

    /// <summary>Attaches an uploaded form file (already checked and stored) to a dossier item.</summary>
    public async Task<OperationResult<DossierItem>> AttachFormAsync(int procedureId, int itemId, string url, string fileName, string by, CancellationToken ct = default)
    {
        var item = await db.DossierItems.FirstOrDefaultAsync(d => d.Id == itemId && d.ProcedureId == procedureId, ct);
        var p = await db.Procedures.FindAsync([procedureId], ct);
        if (item is null || p is null) return OperationResult<DossierItem>.Missing();
        item.FormUrl = url;
        if (item.FormName.Length == 0) item.FormName = fileName;
        p.UpdatedAt = Now;
        db.ProcedureHistory.Add(new ProcedureHistoryEntry { ProcedureId = procedureId, At = Now, By = by, Change = $"Đính kèm mẫu đơn, tờ khai \"{fileName}\"." });
        feed.Record(ContentKinds.Procedure, procedureId, ChangeOperation.Upsert, "form");
        await db.SaveChangesAsync(ct);
        return OperationResult<DossierItem>.Ok(item);
    }

    private static void ApplyLists(Procedure p, ProcedureEditInput input, List<string> changes)
    {
        var channels = input.Channels.Where(c => !c.IsBlank).Select((c, i) => new ProcedureChannel
        {
            Kind = c.Kind, TimeValue = c.TimeValue, TimeUnit = c.TimeValue is null ? "" : c.TimeUnit ?? "",
            TimeText = c.TimeValue is null ? VietnameseText.Normalize(c.TimeText) : "", Fee = VietnameseText.Normalize(c.Fee),
            FeeNote = VietnameseText.Normalize(c.FeeNote), Description = NationalRecordParser.CleanLines(c.Description), SortOrder = i,
        }).ToList();
        static string ChannelKey(ProcedureChannel c) => $"{c.Kind}|{c.TimeValue}|{c.TimeUnit}|{c.TimeText}|{c.Fee}|{c.FeeNote}|{c.Description}";
        if (!p.Channels.OrderBy(c => c.SortOrder).Select(ChannelKey).SequenceEqual(channels.Select(ChannelKey)))
        {
            p.Channels.Clear();
            p.Channels.AddRange(channels);
            changes.Add("cách thức thực hiện");
        }

        var existing = p.DossierItems.ToDictionary(d => d.Id);
        var dossier = input.Dossier.Where(d => !d.IsBlank).Select((d, i) =>
        {
            var kept = d.Id is { } id && existing.TryGetValue(id, out var old) ? old : null;
            return new DossierItem
            {
                Group = VietnameseText.Normalize(d.Group), Name = NationalRecordParser.CleanLines(d.Name), Quantity = VietnameseText.Normalize(d.Quantity),
                FormName = kept?.FormName ?? "", FormUrl = kept?.FormUrl ?? "", SortOrder = i,
            };
        }).ToList();
        static string DossierKey(DossierItem d) => $"{d.Group}|{d.Name}|{d.Quantity}|{d.FormName}|{d.FormUrl}";
        if (!p.DossierItems.OrderBy(d => d.SortOrder).Select(DossierKey).SequenceEqual(dossier.Select(DossierKey)))
        {
            p.DossierItems.Clear();
            p.DossierItems.AddRange(dossier);
            changes.Add("thành phần hồ sơ");
        }

        var legal = input.LegalBases.Where(l => !l.IsBlank).Select((l, i) => new LegalBasis
        {
            Name = VietnameseText.Normalize(l.Name), Number = VietnameseText.Normalize(l.Number), SortOrder = i,
        }).ToList();
        if (!p.LegalBases.OrderBy(l => l.SortOrder).Select(l => l.Name + "|" + l.Number).SequenceEqual(legal.Select(l => l.Name + "|" + l.Number)))
        {
            p.LegalBases.Clear();
            p.LegalBases.AddRange(legal);
            changes.Add("căn cứ pháp lý");
        }
    }

    private static DateTime? Date(DateTime? d) => d is { } v ? DateTime.SpecifyKind(v.Date, DateTimeKind.Utc) : null;
}
