using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Agencies;

/// <summary>Writes the agency directory: create, update, reorder. Every write records a change in the feed.</summary>
public sealed class AgencyService(PortalDbContext db, TimeProvider time, ChangeFeed feed)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<OperationResult<Agency>> CreateAsync(AgencyInput input, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Any) return OperationResult<Agency>.Invalid(errors);
        var agency = new Agency();
        await ApplyAsync(agency, input, ct);
        agency.Slug = await UniqueSlugAsync(string.IsNullOrWhiteSpace(input.Slug) ? agency.Name : input.Slug, null, ct);
        if (input.SortOrder == 0)
            agency.SortOrder = (await db.Agencies.Where(a => a.LevelId == input.LevelId).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0) + 10;
        db.Agencies.Add(agency);
        await SaveAsync(agency, ct);
        return OperationResult<Agency>.Ok(agency);
    }

    public async Task<OperationResult<Agency>> UpdateAsync(int id, AgencyInput input, CancellationToken ct = default)
    {
        var agency = await db.Agencies.Include(a => a.Hotlines).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null) return OperationResult<Agency>.Missing();
        var errors = await ValidateAsync(input, id, ct);
        if (errors.Any) return OperationResult<Agency>.Invalid(errors);
        await ApplyAsync(agency, input, ct);
        if (!string.IsNullOrWhiteSpace(input.Slug) && input.Slug.Trim() != agency.Slug)
            agency.Slug = await UniqueSlugAsync(input.Slug, id, ct);
        await SaveAsync(agency, ct);
        return OperationResult<Agency>.Ok(agency);
    }

    /// <summary>Moves an agency one place up or down among the agencies of its level and parent.</summary>
    public async Task<bool> MoveAsync(int id, int direction, CancellationToken ct = default)
    {
        var agency = await db.Agencies.FindAsync([id], ct);
        if (agency is null) return false;
        var siblings = await db.Agencies.Where(a => a.LevelId == agency.LevelId && a.ParentId == agency.ParentId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        var index = siblings.FindIndex(a => a.Id == id);
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= siblings.Count) return true;
        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++) siblings[i].SortOrder = (i + 1) * 10;
        feed.Record(ContentKinds.Agency, id, ChangeOperation.Upsert, "move");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Database checks on top of <see cref="AgencyInput.Validate"/>: references exist, no cycles, unique slug.</summary>
    public async Task<ValidationErrors> ValidateAsync(AgencyInput input, int? id, CancellationToken ct)
    {
        var errors = input.Validate();
        if (input.LevelId > 0 && !await db.AdministrativeLevels.AnyAsync(l => l.Id == input.LevelId, ct))
            errors.Add(nameof(AgencyInput.LevelId), "Cấp hành chính đã chọn không tồn tại.");
        if (input.ParentId is { } parentId)
        {
            if (parentId == id) errors.Add(nameof(AgencyInput.ParentId), "Cơ quan không thể trực thuộc chính nó.");
            else if (!await db.Agencies.AnyAsync(a => a.Id == parentId, ct)) errors.Add(nameof(AgencyInput.ParentId), "Cơ quan cấp trên không tồn tại.");
            else if (id is { } self && await IsDescendantAsync(parentId, self, ct))
                errors.Add(nameof(AgencyInput.ParentId), "Không thể chọn một đơn vị trực thuộc làm cơ quan cấp trên (tạo vòng lặp).");
        }
        if (input.SuccessorId is { } successorId)
        {
            if (successorId == id) errors.Add(nameof(AgencyInput.SuccessorId), "Cơ quan không thể kế nhiệm chính nó.");
            else if (!await db.Agencies.AnyAsync(a => a.Id == successorId && a.IsActive, ct))
                errors.Add(nameof(AgencyInput.SuccessorId), "Cơ quan kế nhiệm phải là một cơ quan đang hoạt động.");
        }
        if (!string.IsNullOrWhiteSpace(input.Slug) && await db.Agencies.AnyAsync(a => a.Slug == input.Slug.Trim() && a.Id != id, ct))
            errors.Add(nameof(AgencyInput.Slug), $"Mã \"{input.Slug.Trim()}\" đã được cơ quan khác sử dụng.");
        return errors;
    }

    private async Task<bool> IsDescendantAsync(int candidateId, int ancestorId, CancellationToken ct)
    {
        var parents = await db.Agencies.Where(a => a.ParentId != null).ToDictionaryAsync(a => a.Id, a => a.ParentId!.Value, ct);
        var current = candidateId;
        for (var guard = 0; guard < 100 && parents.TryGetValue(current, out var parent); guard++)
        {
            if (parent == ancestorId) return true;
            current = parent;
        }
        return false;
    }

    internal Task ApplyAsync(Agency agency, AgencyInput input, CancellationToken ct)
    {
        agency.Name = VietnameseText.Normalize(input.Name);
        agency.ShortName = VietnameseText.Normalize(input.ShortName);
        agency.EnglishName = VietnameseText.Normalize(input.EnglishName);
        agency.LevelId = input.LevelId;
        agency.Kind = input.Kind;
        agency.ParentId = input.ParentId;
        agency.Address = VietnameseText.Normalize(input.Address);
        agency.EnglishAddress = VietnameseText.Normalize(input.EnglishAddress);
        agency.MapUrl = (input.MapUrl ?? "").Trim();
        agency.Phone = VietnameseText.Normalize(input.Phone);
        agency.Email = VietnameseText.Normalize(input.Email);
        agency.Website = (input.Website ?? "").Trim();
        agency.WorkingHours = VietnameseText.Normalize(input.WorkingHours);
        agency.EnglishWorkingHours = VietnameseText.Normalize(input.EnglishWorkingHours);
        agency.HeadName = VietnameseText.Normalize(input.HeadName);
        agency.HeadTitle = VietnameseText.Normalize(input.HeadTitle);
        agency.IsActive = input.IsActive;
        agency.SuccessorId = input.IsActive ? null : input.SuccessorId;
        agency.IsSampleData = input.IsSampleData;
        if (input.SortOrder != 0) agency.SortOrder = input.SortOrder;
        agency.UpdatedAt = Now;

        var hotlines = input.Hotlines.Where(h => !h.IsBlank).Select((h, i) => new AgencyHotline
        {
            Purpose = VietnameseText.Normalize(h.Purpose),
            Number = VietnameseText.Normalize(h.Number),
            IsFeatured = h.IsFeatured,
            Source = VietnameseText.Normalize(h.Source),
            SortOrder = i,
        }).ToList();
        // Replace the hotlines only when they differ, so an unchanged save does not churn rows.
        if (AgencyTable.FormatHotlines(agency.Hotlines.OrderBy(h => h.SortOrder)) != AgencyTable.FormatHotlines(hotlines)
            || !agency.Hotlines.OrderBy(h => h.SortOrder).Select(h => h.Source).SequenceEqual(hotlines.Select(h => h.Source)))
        {
            agency.Hotlines.RemoveAll(_ => true);
            agency.Hotlines.AddRange(hotlines);
        }
        agency.SearchText = VietnameseText.Fold(string.Join(' ', agency.Name, agency.ShortName, agency.EnglishName, agency.Address,
            string.Join(' ', agency.Hotlines.Select(h => h.Purpose))));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Procedures and published answers carry their agency's name (a search facet, a line of text): when a tracked
    /// agency's name is about to change, their change-feed rows go into the same save, so the index follows.
    /// Call before SaveChanges.
    /// </summary>
    internal async Task RecordRenamesAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var renamed = db.ChangeTracker.Entries<Agency>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.Name).IsModified && (string?)e.Property(a => a.Name).OriginalValue != e.Entity.Name)
            .Select(e => e.Entity.Id).ToList();
        if (renamed.Count == 0) return;
        var procedures = await db.ProcedureAgencyLinks.Where(l => renamed.Contains(l.AgencyId)).Select(l => l.ProcedureId).Distinct().ToListAsync(ct);
        var answers = await db.QuestionCases.Where(c => c.AgencyId != null && renamed.Contains(c.AgencyId.Value) && c.IsPublished).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in procedures) feed.RecordRow(ContentKinds.Procedure, id, ChangeOperation.Upsert);
        foreach (var id in answers) feed.RecordRow(ContentKinds.Question, id, ChangeOperation.Upsert);
    }

    internal Task<string> UniqueSlugAsync(string? source, int? exceptId, CancellationToken ct) =>
        SlugGenerator.UniqueAsync(source, s => db.Agencies.AnyAsync(a => a.Slug == s && a.Id != exceptId, ct), "co-quan");

    private async Task SaveAsync(Agency agency, CancellationToken ct)
    {
        await RecordRenamesAsync(ct);
        feed.Record(ContentKinds.Agency, agency, ChangeOperation.Upsert, "save");
        await db.SaveChangesAsync(ct);
    }
}
