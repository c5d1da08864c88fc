using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Areas.Manager.Pages.Users;

/// <summary>A new account with its roles and, for a responder or head, its agency and title, in one form.</summary>
public sealed class CreateModel(UserManager<PortalUser> users, TimeProvider time, CchcPortal.Core.Agencies.AgencyQueries agencies, AuditLog audit)
    : UserProfileFormModel(agencies)
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập thư điện tử."),
     StringLength(PortalUser.MaxEmail, ErrorMessage = "Thư điện tử không được dài quá {1} ký tự.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập họ tên."), StringLength(PortalUser.MaxFullName, ErrorMessage = "Họ tên không được dài quá {1} ký tự.")]
    public string FullName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu ban đầu."),
     StringLength(PortalUser.MaxPassword, ErrorMessage = "Mật khẩu không được dài quá {1} ký tự.")]
    public string Password { get; set; } = "";

    [BindProperty] public List<string> Roles { get; set; } = [];

    public Task OnGetAsync() => LoadAgenciesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Roles = Roles.Where(PortalRoles.All.Contains).Distinct().ToList();
        if (Roles.Count == 0) ModelState.AddModelError(nameof(Roles), "Vui lòng chọn ít nhất một vai trò.");
        await LoadAgenciesAsync();
        ValidateAgency(Roles);
        if (Email.Length > 0 && !CchcPortal.Core.Common.EmailAddresses.IsValid(Email.Trim()))
            ModelState.AddModelError(nameof(Email), CchcPortal.Core.Common.EmailAddresses.InvalidMessage);
        if (!ModelState.IsValid) return Invalid();

        var user = new PortalUser { UserName = Email.Trim(), Email = Email.Trim(), EmailConfirmed = true, FullName = FullName.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime };
        ApplyProfile(user);
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? nameof(Password) : nameof(Email), e.Description);
            return Invalid();
        }
        await users.AddToRolesAsync(user, Roles);
        await audit.RecordAsync(AuditActions.UserCreated, AuditTarget(user), $"Tạo tài khoản {user.Email}", new AuditChanges()
            .Field("Email", null, user.Email).Field("FullName", null, user.FullName).Field("Roles", null, RoleList(Roles))
            .Field("AgencyId", null, user.AgencyId).Field("JobTitle", null, user.JobTitle), HttpContext.RequestAborted);
        Flash($"Đã tạo tài khoản {user.Email}.");
        return RedirectToPage("Index");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
