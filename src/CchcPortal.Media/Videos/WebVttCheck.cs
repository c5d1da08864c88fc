using System.Text;

namespace CchcPortal.Media.Videos;

/// <summary>A captions file is accepted when it is WebVTT: UTF-8 text starting with "WEBVTT", no NUL, size-limited.</summary>
public static class WebVttCheck
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text (without a byte-order mark), or the Vietnamese message that says why not.</summary>
    public static (string? Text, string? Error) Check(byte[] content, long maxBytes)
    {
        if (content.Length == 0) return (null, "Tệp phụ đề rỗng.");
        if (content.Length > maxBytes) return (null, $"Tệp phụ đề quá lớn: tối đa {maxBytes / 1024} KB.");
        string text;
        try { text = StrictUtf8.GetString(content); }
        catch (DecoderFallbackException) { return (null, "Tệp phụ đề phải là văn bản mã UTF-8."); }
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var signed = text.StartsWith("WEBVTT", StringComparison.Ordinal) && (text.Length == 6 || text[6] is ' ' or '\t' or '\n' or '\r');
        if (!signed || text.Contains('\0')) return (null, "Tệp phụ đề phải là tệp WebVTT (.vtt, bắt đầu bằng dòng “WEBVTT”).");
        return (text, null);
    }
}
