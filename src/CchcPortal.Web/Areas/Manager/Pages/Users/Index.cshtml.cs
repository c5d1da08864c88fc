using CchcPortal.Core.Agencies;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Areas.Manager.Pages.Users;

public sealed record UserRow(string Id, string Email, string FullName, IReadOnlyList<string> Roles, string Agency, string JobTitle, bool LockedOut);

public sealed class IndexModel(UserManager<PortalUser> users, AgencyQueries agencies, TimeProvider time) : ManagerPageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        // Inactive agencies too: an account may still name one that was merged or closed.
        var agencyNames = (await agencies.AllAsync(includeInactive: true, ct)).ToDictionary(a => a.Id, a => a.Name);
        var rows = new List<UserRow>();
        foreach (var u in list)
            rows.Add(new UserRow(u.Id, u.Email ?? "", u.FullName, (await users.GetRolesAsync(u)).ToList(),
                u.AgencyId is { } id ? agencyNames.GetValueOrDefault(id, "") : "", u.JobTitle,
                u.LockoutEnd is { } end && end > time.GetUtcNow()));
        Rows = rows;
    }
}
