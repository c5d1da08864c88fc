using CchcPortal.Core.Common;

namespace CchcPortal.Core.Content;

/// <summary>What an editor submits for a post. Validated by <see cref="PostService"/>.</summary>
public sealed class PostInput
{
    public string Title { get; set; } = "";
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? BodyHtml { get; set; }
    public int CategoryId { get; set; }
    /// <summary>Comma-separated tag names.</summary>
    public string? Tags { get; set; }
    public string? FeaturedImage { get; set; }
    public string? FeaturedImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public bool IsFeatured { get; set; }

    public IReadOnlyList<string> TagNames() =>
        (Tags ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(VietnameseText.Normalize)
            .Where(t => t.Length > 0)
            .DistinctBy(t => t.ToLowerInvariant())
            .Take(20)
            .ToList();

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        var title = VietnameseText.Normalize(Title);
        if (title.Length == 0) errors.Add(nameof(Title), "Vui lòng nhập tiêu đề bài viết.");
        else if (title.Length > 300) errors.Add(nameof(Title), "Tiêu đề không được dài quá 300 ký tự.");
        if (!string.IsNullOrWhiteSpace(Slug) && !SlugGenerator.IsWellFormed(Slug.Trim()))
            errors.Add(nameof(Slug), "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: dang-ky-khai-sinh).");
        if ((Summary ?? "").Length > 1000) errors.Add(nameof(Summary), "Tóm tắt không được dài quá 1.000 ký tự.");
        if (CategoryId <= 0) errors.Add(nameof(CategoryId), "Vui lòng chọn chuyên mục.");
        if ((SeoTitle ?? "").Length > 200) errors.Add(nameof(SeoTitle), "Tiêu đề SEO không được dài quá 200 ký tự.");
        if ((SeoDescription ?? "").Length > 320) errors.Add(nameof(SeoDescription), "Mô tả SEO không được dài quá 320 ký tự.");
        if (!string.IsNullOrWhiteSpace(FeaturedImage) && string.IsNullOrWhiteSpace(FeaturedImageAlt))
            errors.Add(nameof(FeaturedImageAlt), "Ảnh đại diện cần có mô tả (văn bản thay thế) cho người khiếm thị.");
        if (TagNames().Any(t => t.Length > 100)) errors.Add(nameof(Tags), "Mỗi thẻ không được dài quá 100 ký tự.");
        return errors;
    }
}
