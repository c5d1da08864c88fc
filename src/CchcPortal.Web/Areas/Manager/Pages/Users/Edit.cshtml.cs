using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Users;

public sealed class EditModel(UserManager<PortalUser> users, CchcPortal.Core.Agencies.AgencyQueries agencies, AuditLog audit) : UserProfileFormModel(agencies)
{
    public PortalUser Account { get; private set; } = null!;
    [BindProperty] public List<string> Roles { get; set; } = [];
    public bool LockedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Account = user;
        Roles = (await users.GetRolesAsync(user)).ToList();
        LockedOut = await users.IsLockedOutAsync(user);
        AgencyId = user.AgencyId;
        JobTitle = user.JobTitle;
        await LoadAgenciesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var wanted = Roles.Where(PortalRoles.All.Contains).Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        if (user.AgencyId is null && (wanted.Contains(PortalRoles.AgencyResponder) || wanted.Contains(PortalRoles.AgencyHead)))
        {
            // A responder or head without an agency would see an empty inbox: the agency comes first.
            await OnGetAsync(id);
            Roles = wanted;
            ModelState.AddModelError(nameof(Roles), AgencyRequired + " Lưu cơ quan trước, rồi giao vai trò.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (user.UserName == User.Identity?.Name && current.Contains(PortalRoles.Administrator) && !wanted.Contains(PortalRoles.Administrator))
        {
            Flash("Không thể tự bỏ vai trò quản trị của chính mình.");
            return RedirectToPage(new { id });
        }
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        var changes = new AuditChanges().Field("Roles", RoleList(current), RoleList(wanted));
        if (!changes.IsEmpty)
            await audit.RecordAsync(AuditActions.UserRolesChanged, AuditTarget(user), $"Đổi vai trò của {user.Email}", changes, HttpContext.RequestAborted);
        Flash("Đã cập nhật vai trò.");
        return RedirectToPage(new { id });
    }

    /// <summary>Which agency a responder or head works for, and the title an approved answer is signed with.</summary>
    public async Task<IActionResult> OnPostProfileAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await LoadAgenciesAsync();
        ValidateAgency((await users.GetRolesAsync(user)).ToList());
        if (!ModelState.IsValid)
        {
            var (typedAgency, typed) = (AgencyId, JobTitle);
            await OnGetAsync(id);
            (AgencyId, JobTitle) = (typedAgency, typed);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var (agencyBefore, titleBefore) = (user.AgencyId, user.JobTitle);
        ApplyProfile(user);
        await users.UpdateAsync(user);
        var changes = new AuditChanges().Field("AgencyId", agencyBefore, user.AgencyId).Field("JobTitle", titleBefore, user.JobTitle);
        if (!changes.IsEmpty)
            await audit.RecordAsync(AuditActions.UserChanged, AuditTarget(user), $"Sửa cơ quan, chức vụ của {user.Email}", changes, HttpContext.RequestAborted);
        Flash("Đã lưu cơ quan và chức vụ.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var lockedUntil = user.LockoutEnd;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.UserUnlocked, AuditTarget(user), $"Mở khóa tài khoản {user.Email}",
            new AuditChanges().Field("LockoutEnd", lockedUntil?.UtcDateTime.ToString("O"), null), HttpContext.RequestAborted);
        Flash("Đã mở khóa tài khoản.");
        return RedirectToPage(new { id });
    }
}
