using System.Globalization;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Agencies;

/// <summary>
/// The documented import/export layout of the directory: one row per agency, columns named below. Hotlines sit in
/// one cell as "Mục đích: số | Mục đích: số"; a leading * puts that number on the public hotline board.
/// Levels, parents and successors are referred to by code/slug, so a file round-trips between installations.
/// </summary>
public static class AgencyTable
{
    public const string Slug = "ma", Name = "ten", ShortName = "ten_viet_tat", EnglishName = "ten_tieng_anh", Level = "cap",
        Kind = "loai", Parent = "co_quan_cap_tren", Address = "dia_chi", EnglishAddress = "dia_chi_tieng_anh", MapUrl = "ban_do",
        Phone = "dien_thoai", Hotlines = "duong_day_nong", Email = "email", Website = "website", WorkingHours = "gio_lam_viec",
        EnglishWorkingHours = "gio_lam_viec_tieng_anh", HeadName = "thu_truong", HeadTitle = "chuc_vu_thu_truong",
        Active = "dang_hoat_dong", Successor = "co_quan_ke_nhiem", SortOrder = "thu_tu", Sample = "du_lieu_mau";

    public static readonly IReadOnlyList<string> Columns =
    [
        Slug, Name, ShortName, EnglishName, Level, Kind, Parent, Address, EnglishAddress, MapUrl, Phone, Hotlines, Email, Website,
        WorkingHours, EnglishWorkingHours, HeadName, HeadTitle, Active, Successor, SortOrder, Sample,
    ];

    public static readonly IReadOnlyList<string> Required = [Name, Level];

    /// <summary>Which column a validation error of <see cref="AgencyInput"/> belongs to.</summary>
    public static string ColumnOf(string inputField) => inputField switch
    {
        nameof(AgencyInput.Name) => Name,
        nameof(AgencyInput.ShortName) => ShortName,
        nameof(AgencyInput.Slug) => Slug,
        nameof(AgencyInput.LevelId) => Level,
        nameof(AgencyInput.ParentId) => Parent,
        nameof(AgencyInput.Phone) => Phone,
        nameof(AgencyInput.Email) => Email,
        nameof(AgencyInput.Website) => Website,
        nameof(AgencyInput.MapUrl) => MapUrl,
        nameof(AgencyInput.SuccessorId) => Successor,
        nameof(AgencyInput.Hotlines) => Hotlines,
        _ => inputField,
    };

    public static IReadOnlyDictionary<string, string> ToRow(Agency a) => new Dictionary<string, string>
    {
        [Slug] = a.Slug,
        [Name] = a.Name,
        [ShortName] = a.ShortName,
        [EnglishName] = a.EnglishName,
        [Level] = a.Level?.Code ?? "",
        [Kind] = AgencyKinds.Code(a.Kind),
        [Parent] = a.Parent?.Slug ?? "",
        [Address] = a.Address,
        [EnglishAddress] = a.EnglishAddress,
        [MapUrl] = a.MapUrl,
        [Phone] = a.Phone,
        [Hotlines] = FormatHotlines(a.Hotlines.OrderBy(h => h.SortOrder)),
        [Email] = a.Email,
        [Website] = a.Website,
        [WorkingHours] = a.WorkingHours,
        [EnglishWorkingHours] = a.EnglishWorkingHours,
        [HeadName] = a.HeadName,
        [HeadTitle] = a.HeadTitle,
        [Active] = a.IsActive ? "có" : "không",
        [Successor] = a.Successor?.Slug ?? "",
        [SortOrder] = a.SortOrder.ToString(CultureInfo.InvariantCulture),
        [Sample] = a.IsSampleData ? "có" : "không",
    };

    public static string FormatHotlines(IEnumerable<AgencyHotline> hotlines) =>
        string.Join(" | ", hotlines.Select(h => $"{(h.IsFeatured ? "*" : "")}{h.Purpose}: {h.Number}"));

    /// <summary>Parses "*Đường dây nóng CCHC: 0262.8552255 | Tiếp nhận phản ánh: 0262 3 852 255".</summary>
    public static (List<HotlineInput> Hotlines, string? Error) ParseHotlines(string cell)
    {
        var list = new List<HotlineInput>();
        foreach (var part in cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0 || colon == part.Length - 1)
                return ([], $"\"{part}\" phải có dạng \"Mục đích: số điện thoại\" (thêm * ở đầu để đưa lên bảng đường dây nóng).");
            var purpose = part[..colon].Trim();
            var featured = purpose.StartsWith('*');
            list.Add(new HotlineInput { Purpose = purpose.TrimStart('*').Trim(), Number = part[(colon + 1)..].Trim(), IsFeatured = featured });
        }
        return (list, null);
    }

    public static bool? ParseBool(string cell, bool whenEmpty) =>
        VietnameseText.Fold(cell) switch
        {
            "" => whenEmpty,
            "co" or "x" or "1" or "true" or "yes" => true,
            "khong" or "0" or "false" or "no" => false,
            _ => null,
        };
}
