namespace CchcPortal.Core.Agencies;

public enum AgencyKind
{
    PeoplesCommittee = 0,
    Department = 1,
    Office = 2,
    OneStopCentre = 3,
    OneStopDesk = 4,
    Media = 5,
    Other = 6,
}

public static class AgencyKinds
{
    public static readonly IReadOnlyList<(AgencyKind Kind, string Code, string Name)> All =
    [
        (AgencyKind.PeoplesCommittee, "ubnd", "Ủy ban nhân dân"),
        (AgencyKind.Department, "so-ban-nganh", "Sở, ban, ngành"),
        (AgencyKind.Office, "phong-ban", "Phòng, ban, đơn vị trực thuộc"),
        (AgencyKind.OneStopCentre, "trung-tam-pvhcc", "Trung tâm Phục vụ hành chính công"),
        (AgencyKind.OneStopDesk, "bo-phan-mot-cua", "Bộ phận Tiếp nhận và Trả kết quả"),
        (AgencyKind.Media, "bao-chi", "Cơ quan báo chí, truyền thông"),
        (AgencyKind.Other, "khac", "Cơ quan, đơn vị khác"),
    ];

    public static string Code(AgencyKind kind) => All.First(k => k.Kind == kind).Code;
    public static string Name(AgencyKind kind) => All.First(k => k.Kind == kind).Name;
    public static AgencyKind? FromCode(string? code) =>
        All.Where(k => k.Code == (code ?? "").Trim().ToLowerInvariant()).Select(k => (AgencyKind?)k.Kind).FirstOrDefault();
}

/// <summary>A unit of the province: who it is, where it is, how to reach it. Dissolved units keep their page.</summary>
public class Agency
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string Slug { get; set; } = "";
    public string EnglishName { get; set; } = "";
    public int LevelId { get; set; }
    public AdministrativeLevel? Level { get; set; }
    public AgencyKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public string Address { get; set; } = "";
    public string EnglishAddress { get; set; } = "";
    public string MapUrl { get; set; } = "";
    /// <summary>The main phone as the unit writes it; validated on save.</summary>
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Website { get; set; } = "";
    public string WorkingHours { get; set; } = "";
    public string EnglishWorkingHours { get; set; } = "";
    public string HeadName { get; set; } = "";
    public string HeadTitle { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// <summary>The unit that took over a merged or dissolved one; its page redirects there.</summary>
    public int? SuccessorId { get; set; }
    public Agency? Successor { get; set; }
    /// <summary>Contacts not taken from a real source are shown as sample data.</summary>
    public bool IsSampleData { get; set; }
    public int SortOrder { get; set; }
    public string SearchText { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public List<AgencyHotline> Hotlines { get; set; } = [];
}

public class AgencyHotline
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>What to call it for: "Đường dây nóng CCHC", "Tiếp nhận phản ánh TTHC", ...</summary>
    public string Purpose { get; set; } = "";
    /// <summary>As the unit writes it.</summary>
    public string Number { get; set; } = "";
    /// <summary>On the hotline board, big and first.</summary>
    public bool IsFeatured { get; set; }
    public string Source { get; set; } = "";
    public int SortOrder { get; set; }
}
