using System.Text;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Agencies;

/// <summary>vCard download and the JSON API of the agency directory.</summary>
public static class AgencyEndpoints
{
    public static void MapDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/co-quan/{slug}/vcard", async (string slug, AgencyQueries agencies, PublicAddress address, CancellationToken ct) =>
        {
            var agency = await agencies.BySlugAsync(slug, ct);
            if (agency is null) return Results.NotFound();
            var card = VCard.For(agency, address.Absolute(PublicPaths.Agency(agency.Slug)));
            return Results.File(Encoding.UTF8.GetBytes(card), "text/vcard; charset=utf-8", $"{agency.Slug}.vcf");
        }).CacheOutput(CachePolicies.Directory);

        app.MapGet("/api/agencies", async (AgencyQueries agencies, bool? includeInactive, CancellationToken ct) =>
                Results.Json((await agencies.AllAsync(includeInactive == true, ct)).Select(ToDto)))
            .CacheOutput(CachePolicies.Directory);

        app.MapGet("/api/agencies/{slug}", async (string slug, AgencyQueries agencies, CancellationToken ct) =>
                await agencies.BySlugAsync(slug, ct) is { } a ? Results.Json(ToDto(a)) : Results.NotFound(new { error = "Không tìm thấy cơ quan." }))
            .CacheOutput(CachePolicies.Directory);
    }

    public sealed record HotlineDto(string Purpose, string Number, string? Tel, bool Featured);

    public sealed record AgencyDto(
        string Slug, string Name, string ShortName, string EnglishName, string Level, string Kind, string? Parent,
        string Address, string EnglishAddress, string Phone, string? PhoneTel, IReadOnlyList<HotlineDto> Hotlines,
        string Email, string Website, string WorkingHours, string HeadName, string HeadTitle, bool Active,
        string? Successor, bool SampleData, string Url);

    private static AgencyDto ToDto(Agency a) => new(
        a.Slug, a.Name, a.ShortName, a.EnglishName, a.Level?.Code ?? "", AgencyKinds.Code(a.Kind), a.Parent?.Slug,
        a.Address, a.EnglishAddress, a.Phone, PhoneNumber.ParseOrNull(a.Phone)?.Dialable,
        a.Hotlines.OrderBy(h => h.SortOrder).Select(h => new HotlineDto(h.Purpose, h.Number, PhoneNumber.ParseOrNull(h.Number)?.Dialable, h.IsFeatured)).ToList(),
        a.Email, a.Website, a.WorkingHours, a.HeadName, a.HeadTitle, a.IsActive, a.Successor?.Slug, a.IsSampleData, PublicPaths.Agency(a.Slug));
}
