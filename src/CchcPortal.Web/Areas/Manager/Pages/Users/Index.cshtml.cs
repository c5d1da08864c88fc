using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Areas.Manager.Pages.Users;

public sealed record UserRow(string Id, string Email, string FullName, IReadOnlyList<string> Roles, bool LockedOut);

public sealed class IndexModel(UserManager<PortalUser> users, TimeProvider time) : ManagerPageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        var rows = new List<UserRow>();
        foreach (var u in list)
            rows.Add(new UserRow(u.Id, u.Email ?? "", u.FullName, (await users.GetRolesAsync(u)).ToList(),
                u.LockoutEnd is { } end && end > time.GetUtcNow()));
        Rows = rows;
    }
}
