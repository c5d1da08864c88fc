using CchcPortal.Core.Common;

namespace CchcPortal.Core.Agencies;

public sealed class HotlineInput
{
    public string? Purpose { get; set; }
    public string? Number { get; set; }
    public bool IsFeatured { get; set; }
    public string? Source { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Purpose) && string.IsNullOrWhiteSpace(Number);
}

/// <summary>What the manager form or one import row gives for an agency. Validated here, for both.</summary>
public sealed class AgencyInput
{
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string? Slug { get; set; }
    public string? EnglishName { get; set; }
    public int LevelId { get; set; }
    public AgencyKind Kind { get; set; } = AgencyKind.Department;
    public int? ParentId { get; set; }
    public string? Address { get; set; }
    public string? EnglishAddress { get; set; }
    public string? MapUrl { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? WorkingHours { get; set; }
    public string? EnglishWorkingHours { get; set; }
    public string? HeadName { get; set; }
    public string? HeadTitle { get; set; }
    public bool IsActive { get; set; } = true;
    public int? SuccessorId { get; set; }
    public bool IsSampleData { get; set; }
    public int SortOrder { get; set; }
    public List<HotlineInput> Hotlines { get; set; } = [];

    public const int MaxName = 300, MaxShortName = 100, MaxSlug = 160, MaxAddress = 500, MaxUrl = 500, MaxPhone = 40,
        MaxEmail = 200, MaxWorkingHours = 500, MaxPerson = 200, MaxHotlinePurpose = 200, MaxHotlineNumber = 40, MaxHotlineSource = 300;

    /// <summary>Checks what can be checked without the database; field names match the properties.</summary>
    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        var name = VietnameseText.Normalize(Name);
        if (name.Length == 0) e.Add(nameof(Name), "Vui lòng nhập tên cơ quan.");
        else e.MaxLength(nameof(Name), name, MaxName, "Tên cơ quan");
        e.MaxLength(nameof(ShortName), ShortName, MaxShortName, "Tên viết tắt");
        e.MaxLength(nameof(EnglishName), EnglishName, MaxName, "Tên tiếng Anh");
        e.MaxLength(nameof(Address), Address, MaxAddress, "Địa chỉ");
        e.MaxLength(nameof(EnglishAddress), EnglishAddress, MaxAddress, "Địa chỉ tiếng Anh");
        e.MaxLength(nameof(WorkingHours), WorkingHours, MaxWorkingHours, "Giờ làm việc");
        e.MaxLength(nameof(EnglishWorkingHours), EnglishWorkingHours, MaxWorkingHours, "Giờ làm việc tiếng Anh");
        e.MaxLength(nameof(HeadName), HeadName, MaxPerson, "Họ tên người đứng đầu");
        e.MaxLength(nameof(HeadTitle), HeadTitle, MaxPerson, "Chức vụ người đứng đầu");
        if (!string.IsNullOrWhiteSpace(Slug) && e.MaxLength(nameof(Slug), Slug.Trim(), MaxSlug, "Mã (đường dẫn)") && !SlugGenerator.IsWellFormed(Slug.Trim()))
            e.Add(nameof(Slug), "Mã (đường dẫn) chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: so-noi-vu.");
        if (LevelId <= 0) e.Add(nameof(LevelId), "Vui lòng chọn cấp hành chính.");
        if (!string.IsNullOrWhiteSpace(Phone) && e.MaxLength(nameof(Phone), Phone.Trim(), MaxPhone, "Số điện thoại") && !PhoneNumber.TryParse(Phone, out _, out var phoneError))
            e.Add(nameof(Phone), phoneError!);
        var email = VietnameseText.Normalize(Email);
        if (email.Length > 0 && e.MaxLength(nameof(Email), email, MaxEmail, "Thư điện tử") && !EmailAddresses.IsValid(email))
            e.Add(nameof(Email), EmailAddresses.InvalidMessage);
        if (!string.IsNullOrWhiteSpace(Website) && e.MaxLength(nameof(Website), Website.Trim(), MaxUrl, "Trang web") && !IsHttpUrl(Website.Trim()))
            e.Add(nameof(Website), "Trang web phải là địa chỉ bắt đầu bằng http:// hoặc https://.");
        if (!string.IsNullOrWhiteSpace(MapUrl) && e.MaxLength(nameof(MapUrl), MapUrl.Trim(), MaxUrl, "Liên kết bản đồ") && !IsHttpUrl(MapUrl.Trim()))
            e.Add(nameof(MapUrl), "Liên kết bản đồ phải là địa chỉ bắt đầu bằng http:// hoặc https://.");
        if (IsActive && SuccessorId is not null)
            e.Add(nameof(SuccessorId), "Chỉ cơ quan đã ngừng hoạt động mới có cơ quan kế nhiệm.");
        var index = 0;
        foreach (var h in Hotlines.Where(h => !h.IsBlank))
        {
            index++;
            if (string.IsNullOrWhiteSpace(h.Purpose)) e.Add(nameof(Hotlines), $"Đường dây nóng thứ {index}: vui lòng ghi mục đích (ví dụ: Đường dây nóng CCHC).");
            if (e.MaxLength(nameof(Hotlines), h.Number?.Trim(), MaxHotlineNumber, $"Đường dây nóng thứ {index}: số điện thoại")
                && !PhoneNumber.TryParse(h.Number, out _, out var err)) e.Add(nameof(Hotlines), $"Đường dây nóng thứ {index}: {err}");
            e.MaxLength(nameof(Hotlines), h.Purpose?.Trim(), MaxHotlinePurpose, $"Đường dây nóng thứ {index}: mục đích");
            e.MaxLength(nameof(Hotlines), h.Source?.Trim(), MaxHotlineSource, $"Đường dây nóng thứ {index}: nguồn");
        }
        if (index > 10) e.Add(nameof(Hotlines), "Mỗi cơ quan có tối đa 10 đường dây nóng.");
        return e;
    }

    private static bool IsHttpUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
