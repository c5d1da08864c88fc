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
    /// <summary>Cộng tác viên: writes news and submits it for review; never publishes.</summary>
    public const string Contributor = "Contributor";
    /// <summary>Trưởng ban biên tập: approves, schedules, publishes and unpublishes news under the committee's name.</summary>
    public const string Approver = "Approver";
    public const string Moderator = "Moderator";
    public const string AgencyResponder = "AgencyResponder";
    public const string AgencyHead = "AgencyHead";

    public static readonly IReadOnlyList<string> All = [Administrator, Approver, Editor, Contributor, Moderator, AgencyResponder, AgencyHead];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Quản trị hệ thống",
        Editor => "Biên tập viên",
        Contributor => "Cộng tác viên",
        Approver => "Trưởng ban biên tập (duyệt đăng)",
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
    /// <summary>The news manager: contributors, editors, approvers; which moves each may make is the workflow's check.</summary>
    public const string WriteNews = "WriteNews";
    /// <summary>Approve, schedule, publish and unpublish news (the editorial board's head).</summary>
    public const string ApproveNews = "ApproveNews";
    /// <summary>The newsroom's statistics and their export.</summary>
    public const string NewsStatistics = "NewsStatistics";
    /// <summary>E-mail subscriptions: counts and audited exports of the subscriber list (personal data).</summary>
    public const string ManageSubscriptions = "ManageSubscriptions";
    public const string ManageDirectory = "ManageDirectory";
    public const string HandleQuestions = "HandleQuestions";
    /// <summary>Episodes of the programme "Dân hỏi – Thủ trưởng trả lời": moderators see every case, so they link them.</summary>
    public const string ManageProgramme = "ManageProgramme";
    public const string ManageUsers = "ManageUsers";
    public const string ManageSettings = "ManageSettings";
}
