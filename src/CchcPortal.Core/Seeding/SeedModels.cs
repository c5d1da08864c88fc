namespace CchcPortal.Core.Seeding;

internal sealed class SiteSeed
{
    public SettingsSeed Settings { get; set; } = new();
    public List<CategorySeed> Categories { get; set; } = [];
    public List<PageSeed> Pages { get; set; } = [];
}

internal sealed class SettingsSeed
{
    public string SiteName { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Hotline { get; set; } = "";
    public string Email { get; set; } = "";
    public string WorkingHours { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string LicenceNote { get; set; } = "";
}

internal sealed record CategorySeed(string Name, string Slug, string Description);

internal sealed record PageSeed(string Title, string Slug, string File, int SortOrder);

internal sealed record PlanSeed(string File, string Title, string Slug, DateOnly Date, string Summary, List<string> Tags);
