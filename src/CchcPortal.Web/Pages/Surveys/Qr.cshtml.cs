using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Web.Features.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace CchcPortal.Web.Pages.Surveys;

/// <summary>A page to print for the counter of a public service centre: the agency's survey link as a QR code (SVG) and in words.</summary>
[OutputCache(PolicyName = SurveyPaths.CachePolicy)]
public sealed class QrModel(PortalDbContext db, PublicAddress address) : PageModel
{
    public string AgencyName { get; private set; } = "";
    public string Link { get; private set; } = "";
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Slug == slug && a.IsActive).Select(a => new { a.Name, a.Slug }).FirstOrDefaultAsync(ct);
        if (agency is null) return NotFound();
        AgencyName = agency.Name;
        Link = address.Absolute(SurveyPaths.FormFor(agency.Slug));
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Link, QRCodeGenerator.ECCLevel.M);
        Svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return Page();
    }
}
