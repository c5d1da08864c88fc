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

    [GeneratedRegex(@"^\d\.\d{6}(\.[A-Z0-9]{1,10})?$")] private static partial Regex CodePattern();

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        if (!CodePattern().IsMatch((Code ?? "").Trim())) e.Add(nameof(Code), "Mã thủ tục phải có dạng d.dddddd (ví dụ 1.001193 hoặc 1.012753.H19).");
        if (VietnameseText.Normalize(Name).Length == 0) e.Add(nameof(Name), "Vui lòng nhập tên thủ tục.");
        else if (VietnameseText.Normalize(Name).Length > 4000) e.Add(nameof(Name), "Tên thủ tục không được dài quá 4.000 ký tự.");
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
        return e;
    }

    private static bool IsHttpUrl(string? s) =>
        Uri.TryCreate((s ?? "").Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}
