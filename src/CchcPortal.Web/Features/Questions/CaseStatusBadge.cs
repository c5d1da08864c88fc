using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CchcPortal.Web.Features.Questions;

/// <summary>
/// A case status as a badge: its text (colour is never the only cue) and a colour with a meaning, the same on the
/// tracking page, the staff queue and the staff case page. The colours are in the theme's site.css.
/// </summary>
public static class CaseStatusBadge
{
    public static string Modifier(CaseStatus status) => status switch
    {
        CaseStatus.Answered => "answered",
        CaseStatus.NeedsInformation => "attention",
        CaseStatus.Withdrawn => "withdrawn",
        CaseStatus.Rejected => "rejected",
        _ => "in-progress",
    };

    public static string CssClass(CaseStatus status) => $"badge badge-status badge-{Modifier(status)}";

    public static IHtmlContent Render(CaseStatus status)
    {
        var span = new TagBuilder("span");
        span.AddCssClass(CssClass(status));
        span.InnerHtml.Append(CaseWorkflow.StatusText(status));
        return span;
    }
}
