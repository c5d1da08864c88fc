using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace CchcPortal.Tests.Support;

/// <summary>
/// What a response to hostile input must never be: a 5xx, a redirect off the site, an injected header, markup that
/// runs script (an event-handler attribute, a script without a same-origin src, a javascript:/vbscript:/data:text URL),
/// a payload written back unencoded, or XML/JSON that no longer parses.
/// </summary>
public static class ResponseSafety
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "srcdoc"];
    // A quote or backtick written back raw inside a double-quoted attribute (the minifier decodes &#x27;) is harmless;
    // an attribute it did open would show up as an event handler below.
    private static readonly char[] MarkupCharacters = ['<', '>', '"'];

    public static async Task<List<string>> CheckAsync(HttpResponseMessage response, IEnumerable<string> payloads, Func<string, string?>? baselineOf = null)
    {
        var problems = new List<string>();
        var status = (int)response.StatusCode;
        if (status >= 500) problems.Add($"status {status}");
        if (response.Headers.Location is { } location)
        {
            var target = location.ToString();
            if (target.StartsWith("//", StringComparison.Ordinal) || target.StartsWith("/\\", StringComparison.Ordinal)
                || (location.IsAbsoluteUri && location.Host is not ("localhost" or "127.0.0.1" or "cchc.example.gov.vn")))
                problems.Add($"redirect off the site: {target}");
        }
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key.Equals("x", StringComparison.OrdinalIgnoreCase)) problems.Add("injected header x");
            foreach (var value in header.Value)
                if (value.Contains('\r') || value.Contains('\n')) problems.Add($"CR/LF in header {header.Key}");
        }
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("x=", StringComparison.Ordinal)))
            problems.Add("injected cookie x");

        var body = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type == "text/html") problems.AddRange(HtmlProblems(body, payloads, baselineOf?.Invoke(response.RequestMessage!.RequestUri!.AbsolutePath)));
        else if (IsXml(type)) { try { XDocument.Parse(body); } catch (Exception ex) { problems.Add("XML does not parse: " + ex.Message); } }
        else if (type.EndsWith("json", StringComparison.Ordinal) && body.Length > 0) { try { using var _ = JsonDocument.Parse(body); } catch (Exception ex) { problems.Add("JSON does not parse: " + ex.Message); } }
        if (status >= 500 && body.Contains("   at ", StringComparison.Ordinal)) problems.Add("stack trace in the body");
        return problems;
    }

    public static bool IsXml(string? mediaType) =>
        mediaType is not null && (mediaType.EndsWith("/xml", StringComparison.Ordinal) || mediaType.EndsWith("+xml", StringComparison.Ordinal));

    public static IEnumerable<string> HtmlProblems(string html, IEnumerable<string> payloads, string? baseline)
    {
        foreach (var payload in payloads)
        {
            var trimmed = payload.Trim();
            if (trimmed.Length < 3 || trimmed.IndexOfAny(MarkupCharacters) < 0) continue;
            if (html.Contains(trimmed, StringComparison.Ordinal) && (baseline is null || !baseline.Contains(trimmed, StringComparison.Ordinal)))
                yield return $"payload written back unencoded: {Short(trimmed)}";
        }
        foreach (var problem in MarkupProblems(html)) yield return problem;
    }

    // What the markup itself runs depends on the page alone, not on the payload it was sent: a page answered with the
    // same bytes again (the same 404 page, a page that ignores the parameter) has the same problems, so it is parsed
    // once per test process (keyed by its SHA-256; the payload checks above still run on every answer).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> CheckedMarkup = new(StringComparer.Ordinal);

    public static string[] MarkupProblems(string html) =>
        CheckedMarkup.GetOrAdd(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(html))),
            _ => ParseMarkupProblems(html).ToArray());

    private static IEnumerable<string> ParseMarkupProblems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) && name.Length > 2)
                    yield return $"event handler attribute {name} on <{element.LocalName}>";
                if (UrlAttributes.Contains(name) && IsScriptUrl(attribute.Value))
                    yield return $"script URL in {name} of <{element.LocalName}>: {Short(attribute.Value)}";
            }
            if (element.LocalName == "script" && !(element.GetAttribute("src") is { } src && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal)))
                yield return $"script without a same-origin src: {Short(element.OuterHtml)}";
            if (element.LocalName is "iframe" or "object" or "embed" or "base" or "frameset" or "portal" && !IsOwnFrame(element))
                yield return $"<{element.LocalName}> element: {Short(element.OuterHtml)}";
            if (element.LocalName == "meta" && element.GetAttribute("http-equiv")?.Equals("refresh", StringComparison.OrdinalIgnoreCase) == true)
                yield return "meta refresh";
        }
    }

    // The documents page shows a library PDF in a same-origin frame.
    private static bool IsOwnFrame(AngleSharp.Dom.IElement element) =>
        element.LocalName == "iframe" && element.GetAttribute("src") is { } src && src.StartsWith("/media/", StringComparison.Ordinal);

    private static bool IsScriptUrl(string value)
    {
        var compact = new StringBuilder();
        foreach (var c in WebUtility.HtmlDecode(value)) if (!char.IsWhiteSpace(c) && !char.IsControl(c)) compact.Append(char.ToLowerInvariant(c));
        var v = compact.ToString();
        return v.StartsWith("javascript:", StringComparison.Ordinal) || v.StartsWith("vbscript:", StringComparison.Ordinal)
            || v.StartsWith("data:text", StringComparison.Ordinal) || v.Contains(";url=javascript:", StringComparison.Ordinal);
    }

    private static string Short(string s) => s.Length > 120 ? s[..120] + "…" : s;
}

/// <summary>Percent-encodes like a client that sends whatever bytes it likes: lone surrogates as their 3-byte (WTF-8) form.</summary>
public static class RawUrlEncoding
{
    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length * 3);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int code;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { code = char.ConvertToUtf32(c, text[i + 1]); i++; }
            else code = c;
            if (code < 0x80 && (char.IsAsciiLetterOrDigit((char)code) || code is '-' or '_' or '.' or '~')) { sb.Append((char)code); continue; }
            foreach (var b in Utf8Bytes(code)) sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Encode(f.Key) + "=" + Encode(f.Value)));

    private static byte[] Utf8Bytes(int code) => code switch
    {
        < 0x80 => [(byte)code],
        < 0x800 => [(byte)(0xC0 | (code >> 6)), (byte)(0x80 | (code & 0x3F))],
        < 0x10000 => [(byte)(0xE0 | (code >> 12)), (byte)(0x80 | ((code >> 6) & 0x3F)), (byte)(0x80 | (code & 0x3F))],
        _ => [(byte)(0xF0 | (code >> 18)), (byte)(0x80 | ((code >> 12) & 0x3F)), (byte)(0x80 | ((code >> 6) & 0x3F)), (byte)(0x80 | (code & 0x3F))],
    };
}
