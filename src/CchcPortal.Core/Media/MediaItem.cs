namespace CchcPortal.Core.Media;

public enum MediaKind { Image = 0, Document = 1, Video = 2 }

/// <summary>
/// A file in the media library: an image (with its required alternative text), a document (PDF, DOCX, XLSX...) or an
/// MP4 video (with its poster and captions),
/// stored under /media by the host after a check of its content. Pages refer to it by <see cref="Url"/>.
/// </summary>
public class MediaItem
{
    public const int MaxTitle = 300, MaxAltText = 300;

    /// <summary>The length limits of what an editor types about a file (field names of the manager forms).</summary>
    public static Common.ValidationErrors ValidateText(string? title, string? alt)
    {
        var e = new Common.ValidationErrors();
        e.MaxLength(nameof(Title), Common.VietnameseText.Normalize(title), MaxTitle, "Tiêu đề");
        e.MaxLength(nameof(AltText), Common.VietnameseText.Normalize(alt), MaxAltText, "Văn bản thay thế");
        return e;
    }

    public int Id { get; set; }
    public MediaKind Kind { get; set; }
    public string Url { get; set; } = "";
    /// <summary>The uploaded file's name, cleaned: what editors search by.</summary>
    public string FileName { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Alternative text for images (WCAG 1.1.1); required for images.</summary>
    public string AltText { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>File name, title and alt text folded (no diacritics, lower case), for searching.</summary>
    public string SearchText { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>A video's poster frame: an image of the library (no frame is extracted from the video).</summary>
    public string? PosterUrl { get; set; }
    /// <summary>A video's WebVTT captions file, stored beside it.</summary>
    public string? CaptionsUrl { get; set; }
}
