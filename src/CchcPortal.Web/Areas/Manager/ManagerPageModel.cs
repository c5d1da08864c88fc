using CchcPortal.Core.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Areas.Manager;

/// <summary>Shared bits of manager pages: who is acting, and copying service validation errors into ModelState.</summary>
public abstract class ManagerPageModel : PageModel
{
    protected string ActorName => User.Identity?.Name ?? "?";

    protected void AddErrors(ValidationErrors errors, string prefix = "")
    {
        foreach (var (field, message) in errors.All)
            ModelState.AddModelError(field.Length == 0 ? "" : prefix + field, message);
    }

    protected void Flash(string message) => TempData["Message"] = message;
}

public static class StatusText
{
    public static string Of(Core.News.PublicationStatus s) => Core.News.PostWorkflow.StatusText(s);
}
