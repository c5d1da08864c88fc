namespace CchcPortal.Core.Settings;

/// <summary>
/// The name the phone header shows on one line ("CCHC Đắk Lắk"). Derived from the settings rather than stored, so the
/// settings table keeps its columns: the place is the index subject (the province) or the unit's name without its
/// administrative prefix ("Ủy ban nhân dân tỉnh").
/// </summary>
public static class SiteShortName
{
    public const string Prefix = "CCHC";

    /// <summary>Beyond this a place name no longer fits one line beside the header's buttons on a 390 px phone.</summary>
    private const int MaxPlace = 20;

    private static readonly string[] Councils = ["Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND"];
    private static readonly string[] Levels = ["tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu"];

    public static string Of(SiteSettings site)
    {
        var place = (site.IndexSubjectName ?? "").Trim();
        if (place.Length == 0) place = WithoutUnitPrefix((site.UnitName ?? "").Trim().Normalize());
        return place.Length is > 0 and <= MaxPlace ? $"{Prefix} {place}" : Prefix;
    }

    private static string WithoutUnitPrefix(string unit)
    {
        var council = Councils.FirstOrDefault(c => unit.StartsWith(c + " ", StringComparison.OrdinalIgnoreCase));
        if (council is null) return "";
        var rest = unit[(council.Length + 1)..].Trim();
        if (Levels.Contains(rest, StringComparer.OrdinalIgnoreCase)) return "";
        var level = Levels.FirstOrDefault(l => rest.StartsWith(l + " ", StringComparison.OrdinalIgnoreCase));
        return level is null ? rest : rest[(level.Length + 1)..].Trim();
    }
}
