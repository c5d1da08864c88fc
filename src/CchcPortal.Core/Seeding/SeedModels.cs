namespace CchcPortal.Core.Seeding;

internal sealed class SiteSeed
{
    public Settings.SiteSettings Settings { get; set; } = new();
    public List<CategorySeed> Categories { get; set; } = [];
    public List<PageSeed> Pages { get; set; } = [];
    public List<LevelSeed> Levels { get; set; } = [];
}

internal sealed record LevelSeed(string Code, string Name, string EnglishName, int SortOrder, string Note);

internal sealed record CategorySeed(string Name, string Slug, string Description);

internal sealed record PageSeed(string Title, string Slug, string File, int SortOrder);
