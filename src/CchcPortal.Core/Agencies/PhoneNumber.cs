namespace CchcPortal.Core.Agencies;

public enum PhoneKind { Landline, Mobile, Service, Short }

/// <summary>
/// A Vietnamese phone number as a unit writes it ("0262.8552255", "0262 3 852 255", "1900 1234", "0912 345 678"),
/// validated and normalised: landlines are 0 + 10 digits starting 02, mobiles 0 + 9 digits starting 3/5/7/8/9,
/// service numbers 1800/1900 + 4 or 6 digits, short codes (111, 113, 1022) 3–5 digits starting 1, and a provincial
/// short code dialled with its area code from anywhere ("0262.1022": the province's 1022 line), treated as a landline.
/// </summary>
public sealed record PhoneNumber(string Written, string National, PhoneKind Kind)
{
    /// <summary>E.164 for landlines and mobiles (+842628552255); service and short numbers are dialled as they are.</summary>
    public string Dialable => Kind is PhoneKind.Landline or PhoneKind.Mobile ? "+84" + National[1..] : National;

    public string TelHref => "tel:" + Dialable;

    public static bool TryParse(string? written, out PhoneNumber? number, out string? error)
    {
        number = null;
        error = null;
        var text = (written ?? "").Trim();
        if (text.Length == 0) { error = "Chưa nhập số điện thoại."; return false; }
        if (text.Length > 40) { error = "Số điện thoại quá dài."; return false; }
        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch) && ch is not (' ' or '.' or '-' or '(' or ')' or '+' or '\u00A0'))
            {
                error = $"Số điện thoại \"{text}\" có ký tự không hợp lệ ('{ch}'). Chỉ dùng chữ số, dấu cách, dấu chấm, gạch ngang, ngoặc và dấu + ở đầu.";
                return false;
            }
        }
        if (text.LastIndexOf('+') > 0) { error = $"Dấu + chỉ được đứng đầu số điện thoại \"{text}\"."; return false; }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.StartsWith('+'))
        {
            if (!digits.StartsWith("84")) { error = $"Chỉ nhận số điện thoại Việt Nam (+84): \"{text}\"."; return false; }
            digits = "0" + digits[2..];
        }

        var kind = Classify(digits);
        if (kind is null)
        {
            error = $"Số điện thoại \"{text}\" không đúng định dạng Việt Nam (ví dụ: 0262.3852255, 0912 345 678, 1900 1234).";
            return false;
        }
        number = new PhoneNumber(text, digits, kind.Value);
        return true;
    }

    public static PhoneNumber? ParseOrNull(string? written) => TryParse(written, out var n, out _) ? n : null;

    private static PhoneKind? Classify(string d)
    {
        if (d.Length == 11 && d.StartsWith("02")) return PhoneKind.Landline;
        if (IsAreaShortCode(d)) return PhoneKind.Landline;
        if (d.Length == 10 && d[0] == '0' && d[1] is '3' or '5' or '7' or '8' or '9') return PhoneKind.Mobile;
        if ((d.StartsWith("1800") || d.StartsWith("1900")) && d.Length is 8 or 10) return PhoneKind.Service;
        if (d.Length is >= 3 and <= 5 && d[0] == '1') return PhoneKind.Short;
        return null;
    }

    // Area code 02x or 02xx, then a short code 1xx or 1xxx (024.1022, 0262.1022).
    private static bool IsAreaShortCode(string d) =>
        d.StartsWith("02") && (d.Length is 6 or 7 && d[3] == '1' || d.Length is 7 or 8 && d[4] == '1');
}
