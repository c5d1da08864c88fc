using CchcPortal.Core.Common;

namespace CchcPortal.Core.News;

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

    public const int MaxTitle = 300, MaxSlug = 160, MaxSummary = 1000, MaxBodyHtml = 200_000, MaxTags = 2000,
        MaxFeaturedImage = 300, MaxFeaturedImageAlt = 300, MaxSeoTitle = 200, MaxSeoDescription = 320;

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
        else errors.MaxLength(nameof(Title), title, MaxTitle, "Tiêu đề");
        if (!string.IsNullOrWhiteSpace(Slug) && errors.MaxLength(nameof(Slug), Slug.Trim(), MaxSlug, "Đường dẫn") && !SlugGenerator.IsWellFormed(Slug.Trim()))
            errors.Add(nameof(Slug), "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: dang-ky-khai-sinh).");
        errors.MaxLength(nameof(Summary), Summary, MaxSummary, "Tóm tắt");
        errors.MaxLength(nameof(BodyHtml), BodyHtml, MaxBodyHtml, "Nội dung bài viết");
        if (CategoryId <= 0) errors.Add(nameof(CategoryId), "Vui lòng chọn chuyên mục.");
        errors.MaxLength(nameof(SeoTitle), SeoTitle, MaxSeoTitle, "Tiêu đề SEO");
        errors.MaxLength(nameof(SeoDescription), SeoDescription, MaxSeoDescription, "Mô tả SEO");
        errors.MaxLength(nameof(FeaturedImage), FeaturedImage?.Trim(), MaxFeaturedImage, "Đường dẫn ảnh đại diện");
        errors.MaxLength(nameof(FeaturedImageAlt), FeaturedImageAlt?.Trim(), MaxFeaturedImageAlt, "Mô tả ảnh đại diện");
        errors.MaxLength(nameof(Tags), Tags, MaxTags, "Danh sách thẻ");
        if (!string.IsNullOrWhiteSpace(FeaturedImage) && string.IsNullOrWhiteSpace(FeaturedImageAlt))
            errors.Add(nameof(FeaturedImageAlt), "Ảnh đại diện cần có mô tả (văn bản thay thế) cho người khiếm thị.");
        if (TagNames().Any(t => t.Length > 100)) errors.Add(nameof(Tags), "Mỗi thẻ không được dài quá 100 ký tự.");
        return errors;
    }
}
