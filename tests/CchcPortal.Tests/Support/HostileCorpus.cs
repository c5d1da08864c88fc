using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcPortal.Tests.Support;

/// <summary>One payload of Fixtures/hostile-input.txt, with the category it was listed under.</summary>
public sealed record HostilePayload(int Number, string Category, string Text)
{
    /// <summary>A short printable label for failure messages (the text itself may be 100 KB of control characters).</summary>
    public string Label => $"#{Number} {Category} \"{Printable(Text.Length > 60 ? Text[..60] + "…" : Text)}\" ({Text.Length} chars)";

    private static string Printable(string s) => string.Concat(s.Select(c =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? $"\\u{(int)c:X4}" : c.ToString()));
}

/// <summary>Reads the hostile-input corpus: "## category" headers, \u{XXXX} escapes, "@repeat N TEXT".</summary>
public static partial class HostileCorpus
{
    private static readonly Lazy<IReadOnlyList<HostilePayload>> Payloads = new(Load);

    public static IReadOnlyList<HostilePayload> All => Payloads.Value;

    [GeneratedRegex(@"\\u\{([0-9A-Fa-f]{1,6})\}")] private static partial Regex Escape();

    private static IReadOnlyList<HostilePayload> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile-input.txt");
        var result = new List<HostilePayload>();
        var category = "none";
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal)) continue;
            if (line.StartsWith("## ", StringComparison.Ordinal)) { category = line[3..].Trim(); continue; }
            var text = line;
            var repeat = 1;
            if (line.StartsWith("@repeat ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 3);
                repeat = int.Parse(parts[1], CultureInfo.InvariantCulture);
                text = parts[2];
            }
            text = Unescape(text);
            if (repeat > 1) text = string.Concat(Enumerable.Repeat(text, repeat));
            result.Add(new HostilePayload(result.Count + 1, category, text));
        }
        return result;
    }

    /// <summary>\u{XXXX} becomes that code point; a surrogate or a supplementary non-character is written as UTF-16 units.</summary>
    private static string Unescape(string text) => Escape().Replace(text, m =>
    {
        var code = int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return code is >= 0xD800 and <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code);
    });
}
