using CchcPortal.Core.Common;

namespace CchcPortal.Core.Questions;

/// <summary>What the public form sends. Validated here; messages are Vietnamese and name the field.</summary>
public sealed class QuestionSubmission
{
    public const int MaxTitle = 300, MaxContent = 10_000, MaxField = 200, MaxName = 200, MaxPhone = 30, MaxEmail = 254, MaxArea = 200;

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
    /// <summary>The code of the procedure the citizen started from (?thu-tuc=); an unknown code is ignored.</summary>
    public string? ProcedureCode { get; set; }

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        if (!Enum.IsDefined(Kind)) e.Add(nameof(Kind), "Vui lòng chọn loại câu hỏi, phản ánh.");
        var title = VietnameseText.Normalize(Title);
        if (title.Length < 10) e.Add(nameof(Title), "Vui lòng nhập tiêu đề (ít nhất 10 ký tự).");
        else e.MaxLength(nameof(Title), title, MaxTitle, "Tiêu đề");
        var content = (Content ?? "").Trim();
        if (content.Length < 20) e.Add(nameof(Content), "Vui lòng trình bày nội dung (ít nhất 20 ký tự).");
        else e.MaxLength(nameof(Content), content, MaxContent, "Nội dung");
        e.MaxLength(nameof(Field), VietnameseText.Normalize(Field), MaxField, "Lĩnh vực");
        var name = VietnameseText.Normalize(Name);
        if (name.Length == 0) e.Add(nameof(Name), "Vui lòng nhập họ tên (không công khai).");
        else e.MaxLength(nameof(Name), name, MaxName, "Họ tên");
        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        // Checked as it will be stored: a NUL or a control character the normaliser drops does not make it invalid.
        var email = VietnameseText.Normalize(Email);
        var hasEmail = email.Length > 0;
        if (!hasPhone && !hasEmail) e.Add(nameof(Phone), "Vui lòng để lại số điện thoại hoặc thư điện tử để cơ quan liên hệ khi cần (không công khai).");
        if (hasPhone && e.MaxLength(nameof(Phone), Phone!.Trim(), MaxPhone, "Số điện thoại") && !Agencies.PhoneNumber.TryParse(Phone, out _, out var phoneError))
            e.Add(nameof(Phone), phoneError!);
        if (hasEmail && e.MaxLength(nameof(Email), email, MaxEmail, "Thư điện tử") && !EmailAddresses.IsValid(email))
            e.Add(nameof(Email), EmailAddresses.InvalidMessage);
        e.MaxLength(nameof(Area), Area?.Trim(), MaxArea, "Địa chỉ");
        return e;
    }
}
