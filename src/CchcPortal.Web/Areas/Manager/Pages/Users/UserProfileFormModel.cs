using System.ComponentModel.DataAnnotations;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Users;

/// <summary>
/// The agency and job title of an account (the fields of _AgencyAndTitle), shared by the create and edit forms:
/// which agency's cases a responder or head sees, and the title an approved answer is signed with.
/// </summary>
public abstract class UserProfileFormModel(AgencyQueries agencies) : ManagerPageModel
{
    public const string AgencyRequired = "Cán bộ trả lời và thủ trưởng cơ quan phải thuộc một cơ quan: vui lòng chọn cơ quan.";
    public const string AgencyUnknown = "Cơ quan đã chọn không có trong danh sách, vui lòng chọn lại.";

    [BindProperty] public int? AgencyId { get; set; }

    [BindProperty, StringLength(PortalUser.MaxJobTitle, ErrorMessage = "Chức vụ không được dài quá {1} ký tự.")]
    public string? JobTitle { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    protected async Task LoadAgenciesAsync() => Agencies = await agencies.AllAsync(includeInactive: false, HttpContext.RequestAborted);

    /// <summary>After <see cref="LoadAgenciesAsync"/>: the agency is one of the list, and is there when a role needs one.</summary>
    protected void ValidateAgency(IReadOnlyCollection<string> roles)
    {
        if (AgencyId is { } id && Agencies.All(a => a.Id != id))
            ModelState.AddModelError(nameof(AgencyId), AgencyUnknown);
        else if (AgencyId is null && (roles.Contains(PortalRoles.AgencyResponder) || roles.Contains(PortalRoles.AgencyHead)))
            ModelState.AddModelError(nameof(AgencyId), AgencyRequired);
    }

    /// <summary>How the audit log names an account.</summary>
    protected static string AuditTarget(PortalUser user) => $"User:{user.Id}";

    /// <summary>Roles as the audit log writes them: sorted, comma-separated, so before and after compare as text.</summary>
    protected static string RoleList(IEnumerable<string> roles) => string.Join(", ", roles.Order(StringComparer.Ordinal));

    protected void ApplyProfile(PortalUser user)
    {
        user.AgencyId = AgencyId;
        user.JobTitle = VietnameseText.Normalize(JobTitle);
    }
}
