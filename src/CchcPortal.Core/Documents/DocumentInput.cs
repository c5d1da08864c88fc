using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

/// <summary>
/// What an editor submits for a văn bản. <see cref="Validate"/> checks what needs no database; the replacing
/// document and duplicates are checked by <see cref="DocumentService"/>. Every message names its field.
/// </summary>
public sealed class DocumentInput
{
    public const int MaxSummary = 1000;
    public const int MaxIssuer = 200;
    public const int MaxSigner = 200;
    public const int MaxField = 200;
    public const int MaxBodyHtml = 200_000;
    public const int MaxRelatedNumber = 200;
    /// <summary>Nothing in the library predates the state's first documents.</summary>
    public static readonly DateOnly Earliest = new(1945, 1, 1);
    /// <summary>Documents are entered when signed; a date a month ahead allows for one announced in advance.</summary>
    public const int MaxDaysAhead = 30;

    public string? Number { get; set; }
    /// <summary>"Văn bản chưa có số": a draft, or a document whose number is not known; the number stays blank.</summary>
    public bool Unnumbered { get; set; }
    public string? DocType { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public string? Signer { get; set; }
    public string? Summary { get; set; }
    public string? Field { get; set; }
    public DocumentStatus Status { get; set; } = DocumentStatus.InForce;
    /// <summary>Số ký hiệu of the replacing document, as typed (when <see cref="Status"/> is Replaced).</summary>
    public string? ReplacedByNumber { get; set; }
    /// <summary>The replacing document when several share the typed number (chosen from a list).</summary>
    public int? ReplacedById { get; set; }
    public string? BodyHtml { get; set; }

    /// <summary>Checks the input against <paramref name="today"/> (Vietnam time); the parsed number when there is one.</summary>
    public ValidationErrors Validate(DateOnly today, out DocumentNumber? number)
    {
        var errors = new ValidationErrors();
        number = null;
        var typedNumber = VietnameseText.Normalize(Number);
        if (Unnumbered)
        {
            if (typedNumber.Length > 0)
                errors.Add(nameof(Number), "Số ký hiệu: đã đánh dấu “Văn bản chưa có số” nhưng vẫn nhập số. Hãy xóa số ký hiệu hoặc bỏ đánh dấu.");
        }
        else if (typedNumber.Length == 0)
            errors.Add(nameof(Number), "Vui lòng nhập số ký hiệu (ví dụ 37/KH-UBND), hoặc đánh dấu “Văn bản chưa có số” nếu văn bản chưa được cấp số.");
        else if (!DocumentNumber.TryParse(typedNumber, out number, out var numberError))
            errors.Add(nameof(Number), NumberMessage("Số ký hiệu", numberError!));

        var type = VietnameseText.Normalize(DocType);
        if (type.Length == 0 && number is not null && DocumentTypes.Names.Contains(number.TypeName)) type = number.TypeName;
        if (type.Length == 0) errors.Add(nameof(DocType), "Vui lòng chọn loại văn bản.");
        else if (!DocumentTypes.Names.Contains(type)) errors.Add(nameof(DocType), "Loại văn bản đã chọn không có trong danh sách.");
        else if (number?.TypeCode is { } code && number.TypeName != type && DocumentTypes.Names.Contains(number.TypeName))
            errors.Add(nameof(DocType), $"Loại văn bản “{type}” không khớp với số ký hiệu {number.Canonical}: ký hiệu {code} là {number.TypeName}.");
        DocType = type;

        Required(errors, nameof(Issuer), Issuer, "cơ quan ban hành", MaxIssuer);
        Optional(errors, nameof(Signer), Signer, "Người ký", MaxSigner);
        Required(errors, nameof(Summary), Summary, "trích yếu", MaxSummary);
        Optional(errors, nameof(Field), Field, "Lĩnh vực", MaxField);
        errors.MaxLength(nameof(BodyHtml), BodyHtml, MaxBodyHtml, "Nội dung văn bản");
        errors.MaxLength(nameof(ReplacedByNumber), ReplacedByNumber?.Trim(), MaxRelatedNumber, "Số ký hiệu văn bản thay thế");

        var latest = today.AddDays(MaxDaysAhead);
        if (IssuedOn is not { } issued)
        {
            if (!Unnumbered) errors.Add(nameof(IssuedOn), "Vui lòng nhập ngày ban hành.");
        }
        else if (issued < Earliest || issued > latest)
            errors.Add(nameof(IssuedOn), $"Ngày ban hành phải từ {DateText(Earliest)} đến {DateText(latest)}.");
        else if (number?.Year is { } year && year != issued.Year)
            errors.Add(nameof(IssuedOn), $"Ngày ban hành (năm {issued.Year}) không khớp với năm {year} trong số ký hiệu {number.Canonical}.");

        if (EffectiveOn is { } effective)
        {
            if (IssuedOn is { } from && effective < from)
                errors.Add(nameof(EffectiveOn), $"Ngày hiệu lực không được trước ngày ban hành ({DateText(from)}).");
            else if (effective < Earliest || effective.Year > 2100)
                errors.Add(nameof(EffectiveOn), "Ngày hiệu lực không hợp lệ.");
        }

        if (!Enum.IsDefined(Status)) errors.Add(nameof(Status), "Vui lòng chọn tình trạng hiệu lực.");
        else if (Status == DocumentStatus.Replaced && VietnameseText.Normalize(ReplacedByNumber).Length == 0)
            errors.Add(nameof(ReplacedByNumber), "Văn bản bị thay thế: vui lòng nhập số ký hiệu của văn bản thay thế.");
        return errors;
    }

    public static string DateText(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The parser's reason, prefixed with the field unless it already names it.</summary>
    public static string NumberMessage(string field, string reason) =>
        reason.StartsWith("Số ký hiệu", StringComparison.Ordinal) && field == "Số ký hiệu"
            ? reason
            : $"{field}: {char.ToLower(reason[0], VnFormat.Culture)}{reason[1..]}";

    private static void Required(ValidationErrors errors, string key, string? value, string label, int max)
    {
        var text = VietnameseText.Normalize(value);
        if (text.Length == 0) errors.Add(key, $"Vui lòng nhập {label}.");
        else if (text.Length > max) errors.Add(key, $"{char.ToUpper(label[0], VnFormat.Culture)}{label[1..]} dài tối đa {VnFormat.Number(max)} ký tự.");
    }

    private static void Optional(ValidationErrors errors, string key, string? value, string label, int max)
    {
        if (VietnameseText.Normalize(value).Length > max) errors.Add(key, $"{label} dài tối đa {max} ký tự.");
    }
}
