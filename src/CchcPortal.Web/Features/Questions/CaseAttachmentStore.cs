using System.Security.Cryptography;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using CchcPortal.Media.Documents;
using CchcPortal.Media.Images;
using CchcPortal.Media.Storage;
using CchcPortal.Web.Features.Media;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.Questions;

/// <summary>A checked, metadata-free file ready to be stored with a case.</summary>
public sealed record CleanAttachment(string FileName, string Extension, string ContentType, byte[] Content);

/// <summary>
/// Citizens' attachments: images and PDFs checked by decoding them, cleaned of metadata, stored under the private
/// folder (never under wwwroot or /media) and read back only for staff allowed to see the case.
/// Files are written before the case row that references them is saved; a crash in between leaves files no case
/// references, which <see cref="DeleteOrphansAsync"/> removes at start-up.
/// </summary>
public sealed class CaseAttachmentStore(PortalPaths paths, IOptions<PortalOptions> options, ImageSanitizer images, TimeProvider time)
{
    /// <summary>An unreferenced file younger than this may belong to a case still being saved (by this or another node).</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    private string Root => Path.Combine(paths.PrivatePath, "attachments");

    /// <summary>Checks every file; all or nothing, with one Vietnamese message per refused file.</summary>
    public async Task<(IReadOnlyList<CleanAttachment> Files, ValidationErrors Errors)> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var clean = new List<CleanAttachment>();
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        var limits = options.Value;
        if (chosen.Count > limits.MaxAttachments)
            errors.Add("Attachments", $"Chỉ được đính kèm tối đa {limits.MaxAttachments} tệp.");
        else if (chosen.Sum(f => f.Length) > limits.MaxAttachmentsBytes)
            errors.Add("Attachments", $"Tổng dung lượng tệp đính kèm tối đa {limits.MaxAttachmentsBytes / (1024 * 1024)} MB.");
        if (errors.Any) return ([], errors);

        foreach (var file in chosen)
        {
            var name = UploadFileName.Clean(file.FileName, 120);
            // No limit per file: the count and the total were checked above.
            var (bytes, empty) = await UploadReader.ReadAsync(file, $"Tệp “{name}” rỗng.", ct: ct);
            if (bytes is null) { errors.Add("Attachments", empty!); continue; }
            if (bytes.AsSpan().StartsWith("%PDF-"u8))
            {
                var (pdf, error) = PdfSanitizer.Sanitize(bytes);
                if (pdf is null) errors.Add("Attachments", $"Tệp “{name}”: {error}");
                else clean.Add(new CleanAttachment(name, ".pdf", "application/pdf", pdf.Content));
            }
            else
            {
                var (image, error) = images.Sanitize(bytes);
                if (image is null) errors.Add("Attachments", $"Tệp “{name}”: {error} Chỉ nhận ảnh hoặc tệp PDF.");
                else clean.Add(new CleanAttachment(Path.ChangeExtension(name, image.Extension), image.Extension, image.ContentType, image.Content));
            }
        }
        return errors.Any ? ([], errors) : (clean, errors);
    }

    /// <summary>Writes the files under a random name and returns the rows to save with the case.</summary>
    public async Task<List<CaseAttachment>> WriteAsync(IReadOnlyList<CleanAttachment> files, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = new List<CaseAttachment>();
        foreach (var file in files)
        {
            var relative = Path.Combine(now.ToString("yyyy"), now.ToString("MM"), Guid.NewGuid().ToString("N") + file.Extension);
            var full = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await AtomicFile.WriteAllBytesAsync(full, file.Content, ct);
            rows.Add(new CaseAttachment
            {
                FileName = file.FileName, ContentType = file.ContentType, Length = file.Content.Length, UploadedAt = now,
                StoredPath = relative.Replace('\\', '/'), Sha256 = Convert.ToHexString(SHA256.HashData(file.Content)).ToLowerInvariant(),
            });
        }
        return rows;
    }

    /// <summary>Removes files written for a case that was then not saved.</summary>
    public void Delete(IEnumerable<CaseAttachment> rows)
    {
        foreach (var row in rows)
        {
            var full = FullPath(row);
            if (full is not null && File.Exists(full)) File.Delete(full);
        }
    }

    /// <summary>Deletes the files under the attachments folder that no case references and that are older than <see cref="OrphanGrace"/>.</summary>
    public async Task<int> DeleteOrphansAsync(PortalDbContext db, CancellationToken ct = default)
    {
        if (!Directory.Exists(Root)) return 0;
        var cutoff = time.GetUtcNow().UtcDateTime - OrphanGrace;
        var old = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) < cutoff).ToList();
        if (old.Count == 0) return 0;
        var referenced = (await db.CaseAttachments.Select(a => a.StoredPath).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var orphan in old.Where(f => !referenced.Contains(Path.GetRelativePath(Root, f).Replace('\\', '/'))))
        {
            // A file that cannot be deleted now is tried again at the next start; it must not stop this one.
            try { File.Delete(orphan); deleted++; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return deleted;
    }

    public Stream? Open(CaseAttachment row) => FullPath(row) is { } full && File.Exists(full) ? File.OpenRead(full) : null;

    private string? FullPath(CaseAttachment row)
    {
        var full = Path.GetFullPath(Path.Combine(Root, row.StoredPath));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
