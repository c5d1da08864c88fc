using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Core.Identity;

public class PortalUser : IdentityUser
{
    public const int MaxEmail = 254, MaxFullName = 200, MaxJobTitle = 200, MaxPassword = 128;

    public string FullName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>For agency responders and heads: the agency whose cases they see.</summary>
    public int? AgencyId { get; set; }
    public string JobTitle { get; set; } = "";
}

public static class PortalRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Moderator = "Moderator";
    public const string AgencyResponder = "AgencyResponder";
    public const string AgencyHead = "AgencyHead";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Moderator, AgencyResponder, AgencyHead];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Quản trị hệ thống",
        Editor => "Biên tập viên",
        Moderator => "Kiểm duyệt viên",
        AgencyResponder => "Cán bộ trả lời (cơ quan)",
        AgencyHead => "Thủ trưởng cơ quan",
        _ => role,
    };
}

/// <summary>Named authorization policies; pages check these, not role names.</summary>
public static class PortalPolicies
{
    /// <summary>Every manager page: any signed-in account (only administrators create them); each folder adds its role policy.</summary>
    public const string Staff = "Staff";
    public const string EditContent = "EditContent";
    public const string ManageDirectory = "ManageDirectory";
    public const string HandleQuestions = "HandleQuestions";
    /// <summary>Episodes of the programme "Dân hỏi – Thủ trưởng trả lời": moderators see every case, so they link them.</summary>
    public const string ManageProgramme = "ManageProgramme";
    public const string ManageUsers = "ManageUsers";
    public const string ManageSettings = "ManageSettings";
}
