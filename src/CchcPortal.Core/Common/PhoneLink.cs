using CchcPortal.Core.Agencies;

namespace CchcPortal.Core.Common;

/// <summary>tel: links for numbers as units write them ("0262.8552255" -> "tel:+842628552255").</summary>
public static class PhoneLink
{
    public static string TelHref(string? written)
    {
        // Settings may carry a note after the number: "0262.3852255 (dữ liệu mẫu)".
        var number = (written ?? "").Split('(', 2)[0].Trim();
        return PhoneNumber.ParseOrNull(number)?.TelHref ?? "#";
    }
}
