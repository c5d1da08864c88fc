namespace CchcPortal.Core.Settings;

/// <summary>The unit that runs the portal: names, contacts, footer. One row, editable in the manager.</summary>
public class SiteSettings
{
    public const int MaxName = 200, MaxAddress = 500, MaxPhone = 100, MaxEmail = 254, MaxNote = 2000;

    /// <summary>Length limits of every field; the service adds what needs more than a length.</summary>
    public Common.ValidationErrors ValidateLengths()
    {
        var e = new Common.ValidationErrors();
        e.MaxLength(nameof(SiteName), SiteName, MaxName, "Tên cổng thông tin");
        e.MaxLength(nameof(UnitName), UnitName, MaxName, "Tên đơn vị");
        e.MaxLength(nameof(Address), Address, MaxAddress, "Địa chỉ");
        e.MaxLength(nameof(Phone), Phone, MaxPhone, "Điện thoại");
        e.MaxLength(nameof(Hotline), Hotline, MaxPhone, "Đường dây nóng CCHC");
        e.MaxLength(nameof(Email), Email, MaxEmail, "Thư điện tử");
        e.MaxLength(nameof(WorkingHours), WorkingHours, MaxAddress, "Giờ làm việc");
        e.MaxLength(nameof(ResponsiblePerson), ResponsiblePerson, MaxName, "Người chịu trách nhiệm");
        e.MaxLength(nameof(LicenceNote), LicenceNote, MaxNote, "Giấy phép, ghi chú");
        e.MaxLength(nameof(IndexSubjectName), IndexSubjectName, MaxName, "Đơn vị dẫn đầu trang chỉ số");
        e.MaxLength(nameof(ProgrammeHotline), ProgrammeHotline, MaxPhone, "Đường dây nóng của chương trình");
        return e;
    }

    public int Id { get; set; } = 1;
    public string SiteName { get; set; } = "Cổng thông tin cải cách hành chính";
    public string UnitName { get; set; } = "Ủy ban nhân dân tỉnh";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>The CCHC hotline citizens call about procedures (the header's "Đường dây nóng CCHC"), not the programme's.</summary>
    public string Hotline { get; set; } = "";
    public string Email { get; set; } = "";
    public string WorkingHours { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string LicenceNote { get; set; } = "";
    /// <summary>The unit whose index results the overview leads with (e.g. the province: "Đắk Lắk").</summary>
    public string IndexSubjectName { get; set; } = "";
    /// <summary>The hotline of the programme "Dân hỏi – Thủ trưởng trả lời", shown on its page.</summary>
    public string ProgrammeHotline { get; set; } = "";
    /// <summary>
    /// "Bắt buộc duyệt tin trước khi đăng": only the editorial board's head (Approver) or an administrator approves,
    /// schedules, publishes and unpublishes news. Off: editors publish directly (contributors still submit).
    /// </summary>
    public bool RequireNewsApproval { get; set; }
    public DateTime UpdatedAt { get; set; }
}
