namespace CchcPortal.Core.Common;

/// <summary>tel: links in E.164 for Vietnamese numbers as units write them ("0262.8552255" -> "tel:+842628552255").</summary>
public static class PhoneLink
{
    public static string TelHref(string? written)
    {
        var digits = new string((written ?? "").TakeWhile(c => c != '(').Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return "#";
        // 1800/1900 service numbers are dialled as written, without a country code.
        if (digits.StartsWith("1800") || digits.StartsWith("1900")) return "tel:" + digits;
        if (digits.StartsWith("84")) return "tel:+" + digits;
        if (digits.StartsWith('0')) return "tel:+84" + digits[1..];
        return "tel:" + digits;
    }
}
