namespace CchcPortal.Core.Settings;

/// <summary>The unit that runs the portal: names, contacts, footer. One row, editable in the manager.</summary>
public class SiteSettings
{
    public int Id { get; set; } = 1;
    public string SiteName { get; set; } = "Cổng thông tin cải cách hành chính";
    public string UnitName { get; set; } = "Ủy ban nhân dân tỉnh";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Hotline { get; set; } = "";
    public string Email { get; set; } = "";
    public string WorkingHours { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string LicenceNote { get; set; } = "";
    /// <summary>The unit whose index results the overview leads with (e.g. the province: "Đắk Lắk").</summary>
    public string IndexSubjectName { get; set; } = "";
    /// <summary>The hotline of the programme "Dân hỏi – Thủ trưởng trả lời", shown on its page.</summary>
    public string ProgrammeHotline { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
