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

    /// <summary>"5 Ngày làm việc", or the text as written.</summary>
    public static string TimeLimit(ProcedureChannel c) =>
        c.TimeValue is { } v
            ? c.TimeUnit.Length > 0 ? $"{v.ToString("0.##", Common.VnFormat.Culture)} {c.TimeUnit}" : $"{v.ToString("0.##", Common.VnFormat.Culture)} (không ghi đơn vị)"
            : c.TimeText.Length > 0 ? c.TimeText : "Chưa có thông tin";
}
