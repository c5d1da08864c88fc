namespace CchcPortal.Core.Agencies;

/// <summary>
/// A level of local government (cấp tỉnh, cấp huyện, cấp xã). Data, not an enum: the district level was
/// abolished on 1 July 2025 but its units keep their pages, and a province may add its own groupings.
/// </summary>
public class AdministrativeLevel
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string EnglishName { get; set; } = "";
    public int SortOrder { get; set; }
    public string Note { get; set; } = "";
}
