using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Subscriptions;

/// <summary>The same page after every accepted subscribe POST: nothing in it depends on the address.</summary>
[OutputCache(PolicyName = CachePolicies.Site)]
public sealed class CheckMailModel : PageModel
{
}
