using CchcPortal.Core.Common;

namespace CchcPortal.Web.Features.Media;

/// <summary>The name an uploaded file had, made safe to show and to offer as a download name (never used as a path).</summary>
public static class UploadFileName
{
    public static string Clean(string? fileName, int maxLength = 200)
    {
        var name = VietnameseText.Normalize(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '<' or '>' or ':' or '|' or '?' or '*')).ToArray());
        if (name.Length == 0) return "tep-tai-len";
        // Shortened before the extension, so a long name still downloads as .pdf, .docx...
        var ext = Path.GetExtension(name);
        return name.Length <= maxLength ? name : ext.Length < maxLength ? name[..(maxLength - ext.Length)] + ext : name[..maxLength];
    }
}
