namespace CchcPortal.Themes.Default;

public sealed record MenuItem(string Text, string Href, int Order);

/// <summary>The main menu. Each feature adds its own entry when it is registered, so the menu never links to a section that does not exist.</summary>
public sealed class MainMenu
{
    private readonly List<MenuItem> _items = [];
    public IReadOnlyList<MenuItem> Items => _items.OrderBy(i => i.Order).ToList();
    public MainMenu Add(string text, string href, int order) { _items.Add(new MenuItem(text, href, order)); return this; }

    public static bool IsCurrent(MenuItem item, string path) =>
        item.Href == "/" ? path == "/" : path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Page metadata the layout renders into head (title, description, canonical URL, Open Graph).</summary>
public sealed class PageMeta
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? CanonicalPath { get; set; }
    public string? ImagePath { get; set; }
    public string OgType { get; set; } = "website";
    public DateTime? PublishedAt { get; set; }
    public bool NoIndex { get; set; }
    public IReadOnlyList<(string Text, string? Href)> Breadcrumb { get; set; } = [];
    public string? FeedPath { get; set; }
    public string? FeedTitle { get; set; }
}

public sealed record PagerModel(int Page, int PageCount, string BasePath);
