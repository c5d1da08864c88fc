using System.Runtime.CompilerServices;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcPortal.Web.Features.Audit;

/// <summary>
/// The one hook that audits content and settings changed by staff: when a save of a request with a signed-in user
/// adds, changes or deletes a content entity (news, pages, documents, procedures, agencies, indices, media,
/// programme episodes) or a setting (site settings, holidays), one entry per entity records its kind and id and the
/// changed scalar fields, before and after. Long texts are written as their length and a hash, never copied whole.
/// Cases and accounts are not here: their pages record them with their own actions (and a case's citizen fields are
/// never copied). Saves outside a request (seeding, the publishing timer) are not staff actions and are skipped.
/// </summary>
/// <remarks>
/// The change feed may run a save as two inner saves (new rows get their ids): entries are captured by every save
/// and written once the outermost one succeeded, on the same connection and inside its transaction, if any.
/// </remarks>
public sealed class ContentAuditInterceptor(IHttpContextAccessor accessor, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>A save changing more entities than this (an import) is recorded as one entry per kind, with a count.</summary>
    public const int MaxDetailedEntities = 50;

    private static readonly HashSet<string> ContentNamespaces =
    [
        "CchcPortal.Core.News", "CchcPortal.Core.StaticPages", "CchcPortal.Core.Documents", "CchcPortal.Core.Procedures",
        "CchcPortal.Core.Agencies", "CchcPortal.Core.Indices", "CchcPortal.Core.Media", "CchcPortal.Core.Settings",
    ];

    /// <summary>Included although their namespace is not: the programme's episodes and the working calendar.</summary>
    private static readonly HashSet<Type> AlsoAudited =
        [typeof(Core.Questions.ProgrammeEpisode), typeof(Core.Questions.Holiday), typeof(Core.Search.Vocabulary.SearchVocabularyEntry)];

    /// <summary>Copies made by the services themselves (revisions, history, citation links relinked by a listener).</summary>
    private static readonly HashSet<Type> NotAudited =
        [typeof(Core.News.PostRevision), typeof(Core.Procedures.ProcedureHistoryEntry), typeof(Core.Documents.CitationLink)];

    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["Post"] = "tin bài", ["Category"] = "chuyên mục", ["Tag"] = "thẻ", ["StaticPage"] = "trang",
        ["LegalDocument"] = "văn bản", ["DocumentFile"] = "tệp văn bản", ["PropagandaPlan"] = "kế hoạch tuyên truyền",
        ["Procedure"] = "thủ tục", ["Agency"] = "cơ quan", ["AgencyHotline"] = "đường dây nóng",
        ["IndexDefinition"] = "chỉ số", ["IndexYear"] = "năm chỉ số", ["IndexResult"] = "kết quả chỉ số",
        ["MediaItem"] = "tệp media", ["ProgrammeEpisode"] = "số chương trình", ["SiteSettings"] = "cài đặt chung",
        ["Holiday"] = "ngày nghỉ", ["PathRedirect"] = "chuyển hướng", ["PostWorkflowEvent"] = "bước biên tập, duyệt tin",
        ["SearchVocabularyEntry"] = "từ điển tìm kiếm",
    };

    private sealed class Pending
    {
        public int Depth;
        public readonly Dictionary<object, Captured> Entries = new(ReferenceEqualityComparer.Instance);
    }

    private sealed record Captured(EntityEntry Entry, EntityState State, AuditChanges Changes, string Title);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    private static bool IsAudited(Type type) =>
        !NotAudited.Contains(type) && (AlsoAudited.Contains(type) || (type.Namespace is { } ns && ContentNamespaces.Contains(ns)));

    private bool StaffRequest => accessor.HttpContext?.User.Identity?.IsAuthenticated == true;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Completed(eventData.Context) is { Count: > 0 } done) WriteAsync(eventData.Context!, done, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Completed(eventData.Context) is { Count: > 0 } done) await WriteAsync(eventData.Context!, done, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? db)
    {
        if (db is not PortalDbContext || !StaffRequest) return;
        var pending = _pending.GetOrCreateValue(db);
        pending.Depth++;
        // Entries() detects changes first, as the save itself does (unless the caller turned that off).
        var candidates = db.ChangeTracker.Entries()
            .Where(e => (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && IsAudited(e.Metadata.ClrType) && !pending.Entries.ContainsKey(e.Entity))
            .ToList();
        // An import's thousands of rows are counted, not compared field by field.
        var detailed = pending.Entries.Count + candidates.Count <= MaxDetailedEntities;
        foreach (var entry in candidates)
        {
            var changes = detailed ? ChangesOf(entry) : new AuditChanges();
            // A row marked modified whose values are all as they were (an Update of an unchanged form) changed nothing.
            if (detailed && entry.State == EntityState.Modified && changes.IsEmpty) continue;
            pending.Entries[entry.Entity] = new Captured(entry, entry.State, changes, detailed ? TitleOf(entry) : "");
        }
    }

    /// <summary>The captured entries once the outermost save succeeded; null while an inner save completes.</summary>
    private List<Captured>? Completed(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out var pending) || pending.Depth == 0) return null;
        if (--pending.Depth > 0) return null;
        var done = pending.Entries.Values.ToList();
        pending.Entries.Clear();
        return done;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null && _pending.TryGetValue(db, out var pending))
        {
            pending.Depth = 0;
            pending.Entries.Clear();
        }
    }

    private async Task WriteAsync(DbContext db, List<Captured> done, CancellationToken ct)
    {
        if (accessor.HttpContext?.RequestServices.GetService<IAuditActor>() is not { } actor) return;
        var log = new AuditLog((PortalDbContext)db, actor, time);
        if (done.Count > MaxDetailedEntities)
        {
            foreach (var group in done.GroupBy(c => (c.Entry.Metadata.ClrType, c.State)))
            {
                var kind = group.Key.ClrType.Name;
                await log.RecordAsync(ActionOf(group.Key.ClrType), $"{kind}:*",
                    $"{Verb(group.Key.State)} {group.Count():N0} {KindName(kind)} trong một lần lưu (nhập hàng loạt)", ct: ct);
            }
            return;
        }
        foreach (var c in done)
        {
            var kind = c.Entry.Metadata.ClrType.Name;
            var title = c.Title.Length > 0 ? $" “{c.Title}”" : "";
            await log.RecordAsync(ActionOf(c.Entry.Metadata.ClrType), $"{kind}:{KeyOf(c.Entry)}", $"{Verb(c.State)} {KindName(kind)}{title}", c.Changes, ct);
        }
    }

    private static string ActionOf(Type type) =>
        type.Namespace == "CchcPortal.Core.Settings" || type == typeof(Core.Questions.Holiday) || type == typeof(Core.Search.Vocabulary.SearchVocabularyEntry)
            ? AuditActions.SettingsChanged : AuditActions.ContentChanged;

    private static string Verb(EntityState state) => state switch
    {
        EntityState.Added => "Thêm",
        EntityState.Deleted => "Xóa",
        _ => "Sửa",
    };

    private static string KindName(string kind) => KindNames.GetValueOrDefault(kind, kind);

    /// <summary>The primary key as written now: a new row has its id once the save completed.</summary>
    private static string KeyOf(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key ? string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture))) : "";

    private static string TitleOf(EntityEntry entry)
    {
        foreach (var name in new[] { "Title", "Name", "Number", "Code", "Key" })
            if (entry.Metadata.FindProperty(name) is { ClrType: var t } && t == typeof(string))
                return AuditValue.Shown(entry.State == EntityState.Deleted ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue) as string ?? "";
        return "";
    }

    /// <summary>Scalar fields: all of a new row (after), all of a deleted one (before), the modified ones of a change.</summary>
    private static AuditChanges ChangesOf(EntityEntry entry)
    {
        var changes = new AuditChanges();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsPrimaryKey()) continue;
            switch (entry.State)
            {
                case EntityState.Added: changes.Field(p.Metadata.Name, null, AuditValue.Shown(p.CurrentValue)); break;
                case EntityState.Deleted: changes.Field(p.Metadata.Name, AuditValue.Shown(p.OriginalValue), null); break;
                default:
                    if (p.IsModified) changes.Field(p.Metadata.Name, AuditValue.Shown(p.OriginalValue), AuditValue.Shown(p.CurrentValue));
                    break;
            }
        }
        return changes;
    }
}
