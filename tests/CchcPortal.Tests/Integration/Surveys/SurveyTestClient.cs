using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Surveys;

/// <summary>Posts the survey form as a browser with JavaScript would: antiforgery token from the form page, a solved proof of work.</summary>
public static class SurveyTestClient
{
    public const string Form = "/danh-gia-hai-long/gui";

    /// <summary>A complete response: every dimension rated <paramref name="rating"/>, in person.</summary>
    public static Dictionary<string, string> Answers(int agencyId, int rating = 5, string comment = "") => new()
    {
        ["Input.AgencyId"] = agencyId.ToString(), ["Input.Channel"] = "1",
        ["Input.AccessRating"] = rating.ToString(), ["Input.ProcedureRating"] = rating.ToString(), ["Input.OfficialRating"] = rating.ToString(),
        ["Input.ResultRating"] = rating.ToString(), ["Input.FeedbackRating"] = rating.ToString(), ["Input.Comment"] = comment,
    };

    public static async Task<HttpResponseMessage> PostSurveyAsync(this HttpClient client, Dictionary<string, string> fields)
    {
        fields["altcha"] = await client.SolvedAltchaAsync();
        return await client.PostFormAsync(Form, fields);
    }

    public static async Task<T> WithDbAsync<T>(this PortalFactory factory, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<List<Core.Surveys.SurveyResponse>> ResponsesAsync(this PortalFactory factory, int agencyId) =>
        factory.WithDbAsync(db => db.Set<Core.Surveys.SurveyResponse>().AsNoTracking().Where(r => r.AgencyId == agencyId).OrderBy(r => r.Id).ToListAsync());
}
