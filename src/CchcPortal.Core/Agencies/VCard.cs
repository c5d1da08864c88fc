using System.Text;

namespace CchcPortal.Core.Agencies;

/// <summary>vCard 3.0 (RFC 2426) for an agency, so a citizen can save its numbers to the phone's contacts.</summary>
public static class VCard
{
    public static string For(Agency agency, string pageUrl)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(Fold(text)).Append("\r\n");

        Line("BEGIN:VCARD");
        Line("VERSION:3.0");
        Line("FN:" + Escape(agency.Name));
        Line("N:" + Escape(agency.Name) + ";;;;");
        Line("ORG:" + Escape(agency.Name));
        if (agency.HeadName.Length > 0) Line("NOTE:" + Escape($"{agency.HeadTitle} {agency.HeadName}".Trim() + (agency.WorkingHours.Length > 0 ? $". Giờ làm việc: {agency.WorkingHours}" : "")));
        else if (agency.WorkingHours.Length > 0) Line("NOTE:" + Escape("Giờ làm việc: " + agency.WorkingHours));
        if (PhoneNumber.ParseOrNull(agency.Phone) is { } main) Line("TEL;TYPE=WORK,VOICE:" + main.Dialable);
        foreach (var hotline in agency.Hotlines.OrderBy(h => h.SortOrder))
            if (PhoneNumber.ParseOrNull(hotline.Number) is { } n) Line("TEL;TYPE=WORK,VOICE,PREF:" + n.Dialable);
        if (agency.Email.Length > 0) Line("EMAIL;TYPE=INTERNET,WORK:" + Escape(agency.Email));
        if (agency.Address.Length > 0) Line("ADR;TYPE=WORK:;;" + Escape(agency.Address) + ";;;;Việt Nam");
        Line("URL:" + Escape(agency.Website.Length > 0 ? agency.Website : pageUrl));
        Line("END:VCARD");
        return sb.ToString();
    }

    /// <summary>Cleaned (no controls: a lone carriage return would end the line) and escaped as RFC 2426 asks.</summary>
    private static string Escape(string value) =>
        Common.VietnameseText.Clean(value).Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
            .Replace("\r\n", "\\n").Replace("\r", "\\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 sequence.</summary>
    private static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= 75) return line;
        var sb = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75) { sb.Append("\r\n "); octets = 1; }
            sb.Append(rune.ToString());
            octets += size;
        }
        return sb.ToString();
    }
}
