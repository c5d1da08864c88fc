using CchcPortal.Core.Indices;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Indices;

[OutputCache(PolicyName = CachePolicies.Indices)]
public sealed class CompareModel(IndexQueries indices) : PageModel
{
    [FromQuery(Name = "a")] public string? A { get; set; }
    [FromQuery(Name = "b")] public string? B { get; set; }
    public SubjectProfile? First { get; private set; }
    public SubjectProfile? Second { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> Subjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Subjects = await indices.SubjectsAsync(ct);
        if (!string.IsNullOrEmpty(A)) First = await indices.SubjectAsync(A, ct);
        if (!string.IsNullOrEmpty(B)) Second = await indices.SubjectAsync(B, ct);
    }
}
