using CchcPortal.Core.Common;

namespace CchcPortal.Core.Questions;

/// <summary>What the public form sends. Validated here; messages are Vietnamese and name the field.</summary>
public sealed class QuestionSubmission
{
    public const int MaxTitle = 300, MaxContent = 10_000;

    public CaseKind Kind { get; set; }
    public int? AgencyId { get; set; }
    public string? Field { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Area { get; set; }
    public bool ConsentToPublish { get; set; }

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        if (!Enum.IsDefined(Kind)) e.Add(nameof(Kind), "Vui lòng chọn loại câu hỏi, phản ánh.");
        var title = VietnameseText.Normalize(Title);
        if (title.Length < 10) e.Add(nameof(Title), "Vui lòng nhập tiêu đề (ít nhất 10 ký tự).");
        else if (title.Length > MaxTitle) e.Add(nameof(Title), $"Tiêu đề không được dài quá {MaxTitle} ký tự.");
        var content = (Content ?? "").Trim();
        if (content.Length < 20) e.Add(nameof(Content), "Vui lòng trình bày nội dung (ít nhất 20 ký tự).");
        else if (content.Length > MaxContent) e.Add(nameof(Content), $"Nội dung không được dài quá {MaxContent:N0} ký tự.");
        if (VietnameseText.Normalize(Name).Length == 0) e.Add(nameof(Name), "Vui lòng nhập họ tên (không công khai).");
        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        var hasEmail = !string.IsNullOrWhiteSpace(Email);
        if (!hasPhone && !hasEmail) e.Add(nameof(Phone), "Vui lòng để lại số điện thoại hoặc thư điện tử để cơ quan liên hệ khi cần (không công khai).");
        if (hasPhone && !Directory.PhoneNumber.TryParse(Phone, out _, out var phoneError)) e.Add(nameof(Phone), phoneError!);
        if (hasEmail && !EmailAddresses.IsValid(Email!.Trim())) e.Add(nameof(Email), EmailAddresses.InvalidMessage);
        if ((Area ?? "").Length > 200) e.Add(nameof(Area), "Địa chỉ không được dài quá 200 ký tự.");
        return e;
    }
}
