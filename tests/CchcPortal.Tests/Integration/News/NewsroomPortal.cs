using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.News;

/// <summary>One portal shared by a class of newsroom tests, with a contributor, an editor and an approver signed in.</summary>
public sealed class NewsroomPortal : IAsyncLifetime
{
    public const string ContributorEmail = "ctv@test.local", EditorEmail = "btv@test.local", ApproverEmail = "tbbt@test.local";

    public PortalFactory Factory { get; } = new();
    public HttpClient Contributor { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;
    public HttpClient Approver { get; private set; } = null!;
    public int CategoryId { get; private set; }

    public async Task InitializeAsync()
    {
        Contributor = await Factory.StaffAsync(ContributorEmail, PortalRoles.Contributor, fullName: "Nguyễn Cộng Tác");
        Editor = await Factory.StaffAsync(EditorEmail, PortalRoles.Editor, fullName: "Trần Biên Tập");
        Approver = await Factory.StaffAsync(ApproverEmail, PortalRoles.Approver, fullName: "Lê Trưởng Ban");
        using var scope = Factory.Services.CreateScope();
        CategoryId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.SingleAsync(c => c.Slug == "tin-hoat-dong-cchc")).Id;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task SetApprovalAsync(bool required)
    {
        using var scope = Factory.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<SiteSettingsService>();
        var current = await settings.GetAsync();
        current.RequireNewsApproval = required;
        Assert.True((await settings.UpdateAsync(current)).Succeeded);
    }

    public Dictionary<string, string> Fields(string title, string body) => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "",
        ["Input.BodyHtml"] = body,
        ["Input.CategoryId"] = CategoryId.ToString(),
        ["Input.Tags"] = "",
    };

    /// <summary>Posts the edit form with a handler; the token comes from the new-post page, which every writer may open.</summary>
    public static Task<HttpResponseMessage> EditAsync(HttpClient client, int? id, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/quan-tri/bai-viet/sua/{id}?handler={handler}", fields, "/quan-tri/bai-viet/sua");

    public async Task<Post> PostAsync(string title)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Title == title);
    }

    public async Task<List<PostWorkflowEvent>> HistoryAsync(int postId)
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PostWorkflowService>().HistoryAsync(postId)).Reverse().ToList();
    }

    /// <summary>Who the workflow's e-mails about this post went to, in order.</summary>
    public async Task<List<(string To, string Subject, string Body)>> MailAboutAsync(string title)
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutgoingEmails.AsNoTracking()
                .Where(m => m.Purpose == NewsMail.Purpose && m.Subject.Contains(title)).OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.To, m.Subject, m.BodyText)).ToList();
    }
}
