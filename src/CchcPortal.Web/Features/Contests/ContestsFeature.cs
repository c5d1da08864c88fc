using System.Threading.RateLimiting;
using CchcPortal.Core.Contests;
using CchcPortal.Core.Identity;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.Contests;

/// <summary>The online CCHC knowledge contest (/cuoc-thi): contests, question banks, timed attempts, ranking and winners.</summary>
public sealed class ContestsFeature : IPortalFeature
{
    public string Name => "Contests";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContestOptions>(configuration.GetSection(ContestOptions.Section));
        services.AddScoped<ContestService>();
        services.AddScoped<ContestParticipation>();
        services.AddScoped<ContestResults>();
        services.AddScoped<ContestDemoSeeder>();
        services.AddSingleton<ContestDevice>();
        services.AddScoped<ContestVisitor>();
        services.AddHostedService<ContestDemoSeedJob>();
        services.Configure<AuthorizationOptions>(o =>
            o.AddPolicy(ContestPolicies.Organise, p => p.RequireRole(PortalRoles.Administrator)));
        // Answers are saved as the participant goes: more POSTs than a form, so a limit of their own, per client
        // address, shared through Redis like the others when it is configured.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(ContestPolicies.PostLimit, ctx =>
            HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimits.Window(ctx, ContestPolicies.PostLimit,
                    ctx.RequestServices.GetRequiredService<IOptions<ContestOptions>>().Value.PostsPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("get")));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapContestAnswerEndpoint();

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Contests", ContestPolicies.Organise);

    public IEnumerable<MenuItem> MainMenu => [new("Cuộc thi", ContestPaths.List, 55)];
    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Cuộc thi", "/quan-tri/cuoc-thi", 95, ContestPolicies.Organise)];
}

public static class ContestPolicies
{
    /// <summary>Create contests, import questions, see participants' personal data, export: administrators.</summary>
    public const string Organise = "OrganiseContests";
    public const string PostLimit = "contest-post";
}

/// <summary>Configuration section "Portal:Contests".</summary>
public sealed class ContestOptions
{
    public const string Section = "Portal:Contests";
    /// <summary>Contest POSTs (register, start, save an answer, submit) a minute per client address.</summary>
    public int PostsPerMinute { get; set; } = 120;
}

/// <summary>The contest's public addresses.</summary>
public static class ContestPaths
{
    public const string List = "/cuoc-thi";
    public static string Contest(string slug) => $"/cuoc-thi/{slug}";
    public static string Attempt(string slug, string token) => $"/cuoc-thi/{slug}/bai-thi/{token}";
    public static string Result(string slug, string token) => $"/cuoc-thi/{slug}/ket-qua/{token}";
    public static string Winners(string slug) => $"/cuoc-thi/{slug}/xep-hang";
    public static string SaveAnswer(string token) => $"/cuoc-thi/bai-thi/{token}/luu";
}
