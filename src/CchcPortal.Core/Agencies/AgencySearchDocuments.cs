using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Agencies;

/// <summary>Active agencies with their hotlines (public contacts by design); dissolved units leave the index.</summary>
public sealed class AgencySearchDocuments(PortalDbContext db) : ISearchDocumentSource
{
    public string Kind => ContentKinds.Agency;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var q = db.Agencies.AsNoTracking().Where(a => a.IsActive);
        if (ids is not null) q = q.Where(a => EF.Parameter(ids.ToArray()).Contains(a.Id));
        var agencies = await q.Include(a => a.Level).Include(a => a.Hotlines).Include(a => a.Parent).AsSplitQuery().ToListAsync(ct);
        return agencies.Select(a =>
        {
            var hotlines = a.Hotlines.OrderBy(h => h.SortOrder).Select(h => $"{h.Purpose}: {h.Number}").ToList();
            var summary = string.Join(" · ", new[] { a.Address, a.Phone.Length > 0 ? "Điện thoại: " + a.Phone : "" }
                .Concat(hotlines.Take(2)).Where(s => s.Length > 0));
            return new SearchDocument
            {
                Key = SearchDocument.KeyOf(Kind, a.Id),
                Kind = Kind,
                Title = a.Name,
                Summary = summary,
                // Only an agency with a hotline answers "đường dây nóng"; its purposes name what the line is for.
                Keywords = string.Join(" · ", new[] { a.ShortName }.Concat(a.Hotlines.OrderBy(h => h.SortOrder).Select(h => h.Purpose))
                    .Concat(a.Hotlines.Count > 0 ? ["Đường dây nóng"] : []).Where(s => s.Length > 0)),
                Body = string.Join(" ", new[] { AgencyKinds.Name(a.Kind), a.Parent?.Name ?? "", a.Address, a.Phone.Length > 0 ? "Điện thoại " + a.Phone : "",
                    a.Email, a.WorkingHours, a.HeadTitle, a.HeadName }.Concat(hotlines).Where(s => s.Length > 0)),
                Url = PublicPaths.Agency(a.Slug),
                Date = null,
                Levels = a.Level is { } l ? [l.Name] : [],
            };
        }).ToList();
    }
}
