using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CchcPortal.Core.Settings;

/// <summary>The unit's settings, read on every page (kept in memory) and edited by administrators.</summary>
public sealed class SiteSettingsService(PortalDbContext db, IMemoryCache cache, TimeProvider time, ChangeFeed feed)
{
    internal const string CacheKey = "site-settings";
    public const string Kind = "settings";

    public async Task<SiteSettings> GetAsync(CancellationToken ct = default) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return await db.SiteSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new SiteSettings();
        }) ?? new SiteSettings();

    public async Task<OperationResult<SiteSettings>> UpdateAsync(SiteSettings input, CancellationToken ct = default)
    {
        var errors = input.ValidateLengths();
        if (VietnameseText.Normalize(input.SiteName).Length == 0) errors.Add(nameof(input.SiteName), "Vui lòng nhập tên cổng thông tin.");
        if (VietnameseText.Normalize(input.UnitName).Length == 0) errors.Add(nameof(input.UnitName), "Vui lòng nhập tên đơn vị.");
        // The programme's page dials this number: it must be a number (a note may follow in brackets).
        var programmeHotline = VietnameseText.Normalize(input.ProgrammeHotline);
        if (programmeHotline.Length is > 0 and <= SiteSettings.MaxPhone && !Agencies.PhoneNumber.TryParse(programmeHotline.Split('(', 2)[0], out _, out var phoneError))
            errors.Add(nameof(input.ProgrammeHotline), $"Đường dây nóng của chương trình: {phoneError}");
        var email = (input.Email ?? "").Trim();
        if (email.Length > 0 && !EmailAddresses.IsValid(email)) errors.Add(nameof(input.Email), EmailAddresses.InvalidMessage);
        if (errors.Any) return OperationResult<SiteSettings>.Invalid(errors);

        var row = await db.SiteSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (row is null) { row = new SiteSettings(); db.SiteSettings.Add(row); }
        row.SiteName = VietnameseText.Normalize(input.SiteName);
        row.UnitName = VietnameseText.Normalize(input.UnitName);
        row.Address = VietnameseText.Normalize(input.Address);
        row.Phone = VietnameseText.Normalize(input.Phone);
        row.Hotline = VietnameseText.Normalize(input.Hotline);
        row.Email = email;
        row.WorkingHours = VietnameseText.Normalize(input.WorkingHours);
        row.ResponsiblePerson = VietnameseText.Normalize(input.ResponsiblePerson);
        row.LicenceNote = VietnameseText.Normalize(input.LicenceNote);
        row.IndexSubjectName = VietnameseText.Normalize(input.IndexSubjectName);
        row.ProgrammeHotline = programmeHotline;
        row.RequireNewsApproval = input.RequireNewsApproval;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        // The settings are in no search index: listeners are told (the copy in memory, then pages evicted), no row is written.
        feed.Announce(Kind, row, "update");
        await db.SaveChangesAsync(ct);
        return OperationResult<SiteSettings>.Ok(row);
    }
}

/// <summary>
/// Drops the copy in memory when the settings change, as a listener: it runs after the commit and before the
/// output cache is evicted, so no page is cached again from the old copy.
/// </summary>
public sealed class SiteSettingsCacheEviction(IMemoryCache cache) : IContentChangeListener
{
    public Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
    {
        if (notice.Kind == SiteSettingsService.Kind) cache.Remove(SiteSettingsService.CacheKey);
        return Task.CompletedTask;
    }
}
