using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Search;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Questions;

/// <summary>"Dân hỏi – Thủ trưởng trả lời": submission, case handling, published answers, the programme's episodes.</summary>
public sealed class QuestionsFeature : IPortalFeature
{
    public string Name => "Questions";
    public int Order => FeatureOrder.Questions;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<QuestionService>();
        services.AddScoped<CaseHandlingService>();
        services.AddScoped<PublishedAnswers>();
        services.AddScoped<TrackedAnswers>();
        services.AddScoped<CaseHistory>();
        services.AddScoped<AnswerFileService>();
        services.AddScoped<RelatedProcedures>();
        services.AddScoped<QuestionStatistics>();
        services.AddScoped<CaseDashboard>();
        services.AddScoped<HolidayService>();
        services.AddScoped<ProgrammeEpisodeService>();
        services.AddScoped<ProgrammeEpisodeQueries>();
        services.AddSearchDocuments<QuestionSearchDocuments>();
        services.AddSearchDocuments<EpisodeSearchDocuments>();
        services.AddScoped<ISimilarQuestionFinder, PublishedAnswerSimilarFinder>();
        services.AddScoped<IContentChangeListener, SimilarQuestionCorpusEviction>();
        services.AddSingleton<CaseAttachmentStore>();
        services.AddScoped<CaseMail>();
        services.AddScoped<OverdueDigest>();
        services.AddSingleton<OverdueDigestJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueDigestJob>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapQuestionSuggestionEndpoints();

    public void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeAreaFolder("Manager", "/Questions", PortalPolicies.HandleQuestions);
        conventions.AuthorizeAreaFolder("Manager", "/Questions/Programme", PortalPolicies.ManageProgramme);
    }

    public IEnumerable<MenuItem> MainMenu => [new("Hỏi đáp", PublicPaths.Questions, 50)];
    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Hỏi đáp", "/quan-tri/hoi-dap", 90, PortalPolicies.HandleQuestions)];

    public IEnumerable<(string Kind, string[] Tags)> CacheEvictions =>
    [
        (ContentKinds.Question, [CachePolicies.QuestionsTag]),
        // Episode pages and the answers given in them; published episodes are listed in the sitemap.
        (ContentKinds.Episode, [CachePolicies.QuestionsTag, CachePolicies.SitemapTag]),
    ];
}
