using System.Text.RegularExpressions;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Procedures;

/// <summary>What the manager edits on a procedure. Lists imported from the national record stay as imported.</summary>
public sealed partial class ProcedureEditInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? DecisionNumber { get; set; }
    public string? Field { get; set; }
    public string? ExecutingAgency { get; set; }
    public string? ReceivingAddress { get; set; }
    public string? Steps { get; set; }
    public string? Requirements { get; set; }
    public string? ResultName { get; set; }
    public OnlineLevel OnlineLevel { get; set; }
    public string? OnlineServiceUrl { get; set; }
    public ProcedureStatus Status { get; set; }
    public string? ReplacedByCode { get; set; }
    public DateTime? EffectiveFrom { get; set; }
    public DateTime? EffectiveTo { get; set; }
    public List<int> AgencyIds { get; set; } = [];
    public List<string> Levels { get; set; } = [];
    /// <summary>One đối tượng per line.</summary>
    public string? Subjects { get; set; }
    public List<ChannelInput> Channels { get; set; } = [];
    public List<DossierInput> Dossier { get; set; } = [];
    public List<LegalInput> LegalBases { get; set; } = [];

    // Generous: imported national records carry long texts, and each must stay editable.
    public const int MaxName = 4000, MaxDecisionNumber = 500, MaxField = 300, MaxAgencyText = 4000, MaxLongText = 200_000,
        MaxResultName = 4000, MaxUrl = 500, MaxSubjects = 4000, MaxRowText = 10_000, MaxRows = 200;

    public static readonly IReadOnlyList<string> KnownLevels = ["Cấp bộ", "Cấp tỉnh", "Cấp xã", "Cơ quan khác"];
    public static readonly IReadOnlyList<string> TimeUnits = ["Ngày làm việc", "Ngày", "Giờ", "Tháng", ""];

    [GeneratedRegex(@"^\d\.\d{6}(\.[A-Z0-9]{1,10})?$")] private static partial Regex CodePattern();

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        if (!CodePattern().IsMatch((Code ?? "").Trim())) e.Add(nameof(Code), "Mã thủ tục phải có dạng d.dddddd (ví dụ 1.001193 hoặc 1.012753.H19).");
        if (VietnameseText.Normalize(Name).Length == 0) e.Add(nameof(Name), "Vui lòng nhập tên thủ tục.");
        else e.MaxLength(nameof(Name), VietnameseText.Normalize(Name), MaxName, "Tên thủ tục");
        e.MaxLength(nameof(DecisionNumber), DecisionNumber, MaxDecisionNumber, "Quyết định công bố");
        e.MaxLength(nameof(Field), Field, MaxField, "Lĩnh vực");
        e.MaxLength(nameof(ExecutingAgency), ExecutingAgency, MaxAgencyText, "Cơ quan thực hiện");
        e.MaxLength(nameof(ReceivingAddress), ReceivingAddress, MaxAgencyText, "Địa chỉ tiếp nhận");
        e.MaxLength(nameof(Steps), Steps, MaxLongText, "Trình tự thực hiện");
        e.MaxLength(nameof(Requirements), Requirements, MaxLongText, "Yêu cầu, điều kiện");
        e.MaxLength(nameof(ResultName), ResultName, MaxResultName, "Kết quả thực hiện");
        e.MaxLength(nameof(Subjects), Subjects, MaxSubjects, "Đối tượng thực hiện");
        if (!e.MaxLength(nameof(OnlineServiceUrl), OnlineServiceUrl?.Trim(), MaxUrl, "Địa chỉ dịch vụ công trực tuyến")) return e;
        if (OnlineLevel != OnlineLevel.None && !IsHttpUrl(OnlineServiceUrl))
            e.Add(nameof(OnlineServiceUrl), "Thủ tục có dịch vụ công trực tuyến cần địa chỉ nộp hồ sơ trực tuyến (bắt đầu bằng https://).");
        if (!string.IsNullOrWhiteSpace(OnlineServiceUrl) && !IsHttpUrl(OnlineServiceUrl))
            e.Add(nameof(OnlineServiceUrl), "Địa chỉ dịch vụ công trực tuyến phải bắt đầu bằng http:// hoặc https://.");
        if (Status == ProcedureStatus.Replaced && !CodePattern().IsMatch((ReplacedByCode ?? "").Trim()))
            e.Add(nameof(ReplacedByCode), "Thủ tục đã được thay thế cần mã thủ tục thay thế (d.dddddd).");
        if (Status is ProcedureStatus.Replaced or ProcedureStatus.Abolished && EffectiveTo is null)
            e.Add(nameof(EffectiveTo), "Vui lòng nhập ngày hết hiệu lực.");
        if (EffectiveFrom is { } from && EffectiveTo is { } to && to < from)
            e.Add(nameof(EffectiveTo), "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
        if (Levels.Any(l => !KnownLevels.Contains(l))) e.Add(nameof(Levels), "Cấp thực hiện không hợp lệ.");
        var row = 0;
        foreach (var c in Channels.Where(c => !c.IsBlank))
        {
            row++;
            if (c.TimeValue is <= 0) e.Add(nameof(Channels), $"Cách thức thứ {row}: thời hạn giải quyết phải là số dương.");
            if (c.TimeValue is > 10_000) e.Add(nameof(Channels), $"Cách thức thứ {row}: thời hạn giải quyết quá lớn.");
            if (!TimeUnits.Contains(c.TimeUnit ?? "")) e.Add(nameof(Channels), $"Cách thức thứ {row}: đơn vị thời gian không hợp lệ.");
            foreach (var text in new[] { c.TimeText, c.Fee, c.FeeNote, c.Description })
                if (!e.MaxLength(nameof(Channels), text, MaxRowText, $"Cách thức thứ {row}: mỗi ô")) break;
        }
        row = 0;
        foreach (var d in Dossier.Where(d => !d.IsBlank))
        {
            row++;
            if (string.IsNullOrWhiteSpace(d.Name)) e.Add(nameof(Dossier), $"Giấy tờ thứ {row}: vui lòng nhập tên giấy tờ.");
            foreach (var text in new[] { d.Group, d.Name, d.Quantity })
                if (!e.MaxLength(nameof(Dossier), text, MaxRowText, $"Giấy tờ thứ {row}: mỗi ô")) break;
        }
        row = 0;
        foreach (var l in LegalBases.Where(l => !l.IsBlank))
        {
            row++;
            if (string.IsNullOrWhiteSpace(l.Name) && string.IsNullOrWhiteSpace(l.Number)) e.Add(nameof(LegalBases), $"Căn cứ thứ {row}: vui lòng nhập tên hoặc số hiệu văn bản.");
            foreach (var text in new[] { l.Name, l.Number })
                if (!e.MaxLength(nameof(LegalBases), text, MaxRowText, $"Căn cứ thứ {row}: mỗi ô")) break;
        }
        if (Channels.Count > MaxRows || Dossier.Count > MaxRows || LegalBases.Count > MaxRows)
            e.Add("", $"Mỗi danh sách (cách thức, giấy tờ, căn cứ) có tối đa {MaxRows} dòng.");
        return e;
    }

    private static bool IsHttpUrl(string? s) =>
        Uri.TryCreate((s ?? "").Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}

public sealed class ChannelInput
{
    public ChannelKind Kind { get; set; }
    public decimal? TimeValue { get; set; }
    public string? TimeUnit { get; set; }
    public string? TimeText { get; set; }
    public string? Fee { get; set; }
    public string? FeeNote { get; set; }
    public string? Description { get; set; }
    public bool IsBlank => TimeValue is null && string.IsNullOrWhiteSpace(TimeText) && string.IsNullOrWhiteSpace(Fee) && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(FeeNote);
}

public sealed class DossierInput
{
    /// <summary>The existing item, so an attached form file stays with it.</summary>
    public int? Id { get; set; }
    public string? Group { get; set; }
    public string? Name { get; set; }
    public string? Quantity { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(Group);
}

public sealed class LegalInput
{
    public string? Name { get; set; }
    public string? Number { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Number);
}
