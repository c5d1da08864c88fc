namespace CchcPortal.Web.Features.News.Views;

/// <summary>Configuration section "Portal:News" as far as the view counter reads it.</summary>
public sealed class NewsViewOptions
{
    public const string Section = "Portal:News";

    /// <summary>How often the views counted in memory are added to the database, in seconds (and at shutdown).</summary>
    public int ViewFlushSeconds { get; set; } = 60;

    /// <summary>Off: article views are not counted at all (the statistics then show no views).</summary>
    public bool CountViews { get; set; } = true;
}
