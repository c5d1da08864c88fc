using MimeKit;

namespace CchcPortal.Core.Common;

/// <summary>
/// The one check for an e-mail address typed into any form (question, users, agencies, settings) and for a
/// recipient before sending: a plain address MimeKit parses as exactly itself in strict mode, so whatever is
/// stored can be sent, and nothing can smuggle a header ("a@b.vn\r\nBcc: ...") or a second address.
/// </summary>
public static class EmailAddresses
{
    /// <summary>RFC 5321's limit for a path, the longest address a mail server accepts.</summary>
    public const int MaxLength = 254;

    public const string InvalidMessage = "Thư điện tử không hợp lệ. Vui lòng nhập một địa chỉ, ví dụ: ten@example.gov.vn (không dấu cách, tối đa 254 ký tự).";

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>True for a single address such as "ten@so-noi-vu.gov.vn"; the caller trims what was typed.</summary>
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength) return false;
        if (address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return false;
        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at > 64) return false;
        var domain = address[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        return MailboxAddress.TryParse(Strict, address, out var mailbox) && mailbox.Address == address;
    }
}
