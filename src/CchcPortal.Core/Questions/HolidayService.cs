using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>The editable holiday calendar behind every working-day deadline.</summary>
public sealed class HolidayService(PortalDbContext db)
{
    public async Task<IReadOnlyList<Holiday>> ListAsync(CancellationToken ct = default) =>
        await db.Holidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct);

    public async Task<OperationResult<Holiday>> AddAsync(DateOnly? date, string? name, CancellationToken ct = default)
    {
        if (date is null) return OperationResult<Holiday>.Fail("Date", "Vui lòng chọn ngày nghỉ.");
        var n = VietnameseText.Normalize(name);
        if (n.Length == 0) return OperationResult<Holiday>.Fail("Name", "Vui lòng nhập tên ngày nghỉ (ví dụ: Tết Nguyên đán).");
        if (n.Length > Holiday.MaxName) return OperationResult<Holiday>.Fail("Name", ValidationErrors.TooLong("Tên ngày nghỉ", Holiday.MaxName));
        if (await db.Holidays.AnyAsync(h => h.Date == date, ct)) return OperationResult<Holiday>.Fail("Date", $"Ngày {date:dd/MM/yyyy} đã có trong lịch nghỉ.");
        var holiday = new Holiday { Date = date.Value, Name = n };
        db.Holidays.Add(holiday);
        await db.SaveChangesAsync(ct);
        return OperationResult<Holiday>.Ok(holiday);
    }

    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default) =>
        await db.Holidays.Where(h => h.Id == id).ExecuteDeleteAsync(ct) > 0;
}
