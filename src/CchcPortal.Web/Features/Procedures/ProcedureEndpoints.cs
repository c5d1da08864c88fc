using CchcPortal.Core.Common;
using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Procedures;

/// <summary>The short URL by code and the JSON API of the procedures.</summary>
public static class ProcedureEndpoints
{
    public static void MapProcedureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tthc/{code}", async (string code, ProcedureQueries procedures, CancellationToken ct) =>
                await procedures.ByCodeAsync(code.Trim(), ct) is { } p
                    ? Results.Redirect(PublicPaths.Procedure(p.Slug), permanent: true)
                    : Results.NotFound())
            .CacheOutput(CachePolicies.Procedures);

        app.MapGet("/api/procedures", async (HttpContext http, ProcedureQueries procedures, ProcedureRanking ranking, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            if (!TryInt(q["page"], 1, out var page) || !TryInt(q["pageSize"], 20, out var pageSize) || pageSize is < 1 or > 100 || page is < 1 or > ListQuery.MaxPage)
                return Results.BadRequest(new { error = "Tham số page/pageSize không hợp lệ (pageSize từ 1 đến 100)." });
            int? agencyId = null;
            if (q["agency"].Count > 0)
            {
                if (!int.TryParse(q["agency"], out var a)) return Results.BadRequest(new { error = "Tham số agency phải là số." });
                agencyId = a;
            }
            OnlineLevel? online = null;
            if (q["online"].Count > 0)
            {
                if (!Enum.TryParse<OnlineLevel>(q["online"], true, out var o) || !Enum.IsDefined(o))
                    return Results.BadRequest(new { error = "Tham số online phải là None, Available, Partial hoặc Full." });
                online = o;
            }
            ProcedureSort? sort = Enum.TryParse<ProcedureSort>(q["sort"], true, out var s) && Enum.IsDefined(s) ? s : null;
            var text = ListQuery.Words(q["q"], 200);
            var order = ProcedureListOrder.Resolve(http, ranking, text, sort);
            var result = await procedures.ListAsync(new ProcedureFilter(
                text, Empty(q["field"]), Empty(q["level"]), agencyId, Empty(q["subject"]), online, order.Sort, page, pageSize, order.Ranking), ct);
            return Results.Json(new
            {
                total = result.Page.Total,
                sort = order.Sort.ToString(),
                relevanceUnavailable = order.RelevanceUnavailable,
                page = result.Page.Page,
                pageSize = result.Page.PageSize,
                items = result.Page.Items.Select(c => new
                {
                    code = c.Code, name = c.Name, field = c.Field, levels = c.Levels.Split('|', StringSplitOptions.RemoveEmptyEntries),
                    online = c.OnlineLevel.ToString(), status = c.Status.ToString(), url = PublicPaths.Procedure(c.Slug),
                }),
            });
        }).CacheOutput(CachePolicies.Procedures);

        app.MapGet("/api/procedures/{code}", async (string code, ProcedureQueries procedures, CancellationToken ct) =>
                await procedures.ByCodeAsync(code.Trim(), ct) is { } p ? Results.Json(ToDto(p)) : Results.NotFound(new { error = "Không tìm thấy thủ tục." }))
            .CacheOutput(CachePolicies.Procedures);
    }

    private static string? Empty(Microsoft.Extensions.Primitives.StringValues v) => string.IsNullOrWhiteSpace(v) ? null : v.ToString().Trim();

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues v, int fallback, out int value)
    {
        value = fallback;
        return v.Count == 0 || int.TryParse(v, out value);
    }

    private static object ToDto(Procedure p) => new
    {
        code = p.Code, name = p.Name, url = PublicPaths.Procedure(p.Slug), decision = p.DecisionNumber, type = p.ProcedureType,
        field = p.Field, levels = p.LevelList, subjects = p.SubjectList, status = p.Status.ToString(), replacedBy = p.ReplacedByCode,
        online = p.OnlineLevel.ToString(), onlineUrl = p.OnlineServiceUrl,
        agencies = new { competent = p.CompetentAgency, executing = p.ExecutingAgency, authorized = p.AuthorizedAgency, coordinating = p.CoordinatingAgency, receivingAddress = p.ReceivingAddress },
        directoryAgencies = p.AgencyLinks.Select(l => new { slug = l.Agency!.Slug, name = l.Agency.Name }),
        steps = p.Steps, requirements = p.Requirements, result = new { name = p.ResultName, code = p.ResultCode },
        channels = p.Channels.Select(c => new { kind = c.Kind.ToString(), name = ProcedureText.Channel(c.Kind), timeValue = c.TimeValue, timeUnit = c.TimeUnit, timeText = c.TimeText, fee = c.Fee, feeNote = c.FeeNote, description = c.Description }),
        dossier = p.DossierItems.Select(d => new { group = d.Group, name = d.Name, form = d.FormName, formUrl = d.FormUrl, quantity = d.Quantity }),
        legalBases = p.LegalBases.Select(l => new { name = l.Name, number = l.Number }),
        updatedAt = p.UpdatedAt,
    };
}
