using CchcPortal.Core.Common;
using CchcPortal.Core.Content;
using CchcPortal.Core.Seeding;
using CchcPortal.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The news column, static pages, settings and seeding (the data layer is registered by the host).</summary>
    public static IServiceCollection AddPortalContent(this IServiceCollection services)
    {
        services.AddSingleton<RichTextSanitizer>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentChangeBroadcaster>();
        services.AddScoped<PostService>();
        services.AddScoped<PostQueries>();
        services.AddScoped<PostManagerQueries>();
        services.AddScoped<StaticPageService>();
        services.AddScoped<SiteSettingsService>();
        services.AddScoped<PortalSeeder>();
        services.AddScoped<Directory.AgencyService>();
        services.AddScoped<Directory.AgencyQueries>();
        services.AddScoped<Directory.AgencyImporter>();
        services.AddScoped<Procedures.ProcedureQueries>();
        services.AddScoped<Documents.DocumentQueries>();
        services.AddScoped<Documents.PlanQueries>();
        services.AddScoped<Documents.CitationLinker>();
        services.AddScoped<Documents.ActivityReports>();
        services.AddScoped<Content.IContentChangeListener, Documents.CitationChangeListener>();
        services.AddScoped<Documents.DocumentService>();
        services.AddScoped<Documents.DocumentManagerQueries>();
        services.AddScoped<Procedures.ProcedureImporter>();
        services.AddScoped<Procedures.ProcedureService>();
        services.AddScoped<Procedures.ProcedureListImporter>();
        services.AddScoped<Procedures.ProcedureFileImport>();
        services.AddScoped<Indices.IndexImporter>();
        services.AddScoped<Indices.IndexSeeder>();
        services.AddScoped<Indices.IndexQueries>();
        services.AddScoped<Indices.IndexService>();
        services.AddScoped<Indices.IndexDefinitionService>();
        services.AddScoped<Questions.QuestionService>();
        services.AddScoped<Questions.CaseHandlingService>();
        services.AddScoped<Questions.PublishedAnswers>();
        services.AddScoped<Questions.QuestionStatistics>();
        services.AddScoped<Questions.HolidayService>();
        services.AddScoped<Questions.ProgrammeEpisodeService>();
        services.AddScoped<Questions.ProgrammeEpisodeQueries>();
        services.AddScoped<Questions.ISimilarQuestionFinder, Questions.PublishedAnswerSimilarFinder>();
        services.AddScoped<IContentChangeListener, Questions.SimilarQuestionCorpusEviction>();
        // E-mail: the host registers Notifications.MailLinks (the public address) and the sender.
        services.AddSingleton<Notifications.OutboxSignal>();
        services.AddScoped<Notifications.CaseMail>();
        services.AddScoped<Notifications.OverdueDigest>();
        services.AddScoped<Notifications.Outbox>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.NewsDocuments>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.PageDocuments>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.AgencyDocuments>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.ProcedureDocuments>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.IndexResultDocuments>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.QuestionDocuments>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.EpisodeDocuments>();
        services.AddScoped<Search.Documents.ISearchDocumentSource, Search.Documents.LegalDocumentDocuments>();
        services.AddScoped<Search.SearchIndexUpdater>();
        services.AddScoped<Search.SearchIndexFailureLog>();
        services.AddMemoryCache();
        return services;
    }
}
