namespace CchcPortal.Core.Procedures;

public static class ProcedureText
{
    public static string Channel(ChannelKind kind) => kind switch
    {
        ChannelKind.Direct => "Trực tiếp",
        ChannelKind.Online => "Trực tuyến",
        ChannelKind.Postal => "Dịch vụ bưu chính",
        _ => kind.ToString(),
    };

    public static string Online(OnlineLevel level) => level switch
    {
        OnlineLevel.Full => "Dịch vụ công trực tuyến toàn trình",
        OnlineLevel.Partial => "Dịch vụ công trực tuyến một phần",
        OnlineLevel.Available => "Có thể nộp hồ sơ trực tuyến",
        _ => "Chưa có dịch vụ công trực tuyến",
    };

    public static string Status(ProcedureStatus status) => status switch
    {
        ProcedureStatus.InForce => "Còn hiệu lực",
        ProcedureStatus.Amended => "Đã được sửa đổi, bổ sung",
        ProcedureStatus.Replaced => "Đã được thay thế",
        ProcedureStatus.Abolished => "Đã bị bãi bỏ",
        _ => status.ToString(),
    };

    /// <summary>The short badge of a list item ("Trực tuyến toàn trình"), empty when there is no online service.</summary>
    public static string OnlineBadge(OnlineLevel level) => level switch
    {
        OnlineLevel.Full => "Trực tuyến toàn trình",
        OnlineLevel.Partial => "Trực tuyến một phần",
        OnlineLevel.Available => "Nộp được trực tuyến",
        _ => "",
    };

    /// <summary>"5 ngày làm việc" (the unit read from the description when the time cell has none), or the text as written.</summary>
    public static string TimeLimit(ProcedureChannel c) =>
        ProcedureSummary.TimeOf(c) is { } derived ? derived
        : c.TimeValue is { } v
            ? c.TimeUnit.Length > 0 ? $"{v.ToString("0.##", Common.VnFormat.Culture)} {c.TimeUnit}" : $"{v.ToString("0.##", Common.VnFormat.Culture)} (không ghi đơn vị)"
            : c.TimeText.Length > 0 ? c.TimeText : "Chưa có thông tin";
}
