using System.Text;
using System.Xml;
using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

/// <summary>Normalisation is total: whatever comes in, it never throws and gives text that can be stored and written into XML.</summary>
public class VietnameseTextTests
{
    private const string Vietnamese = "Ủy ban nhân dân tỉnh Đắk Lắk hướng dẫn thủ tục đăng ký khai sinh, kết hôn; hỏi – đáp “trực tuyến” 100%.";

    /// <summary>
    /// C0 and C1 controls, non-characters (U+FFFE, U+FFFF, U+FDD0, U+1FFFE), lone surrogates, bidi embeddings,
    /// overrides and isolates; as UTF-16 code units in hex, since the test runner cannot carry a lone surrogate.
    /// </summary>
    public static TheoryData<string> BadCharacters =>
    [
        "0000", "0008", "001F", "007F", "009B", "FFFE", "FFFF", "FDD0", "D83F DFFE", "D800", "DC00",
        "202A", "202E", "2067", "2069",
    ];

    /// <summary>Zero-width joiner and non-joiner, word joiner, byte order mark, right-to-left mark.</summary>
    public static TheoryData<string> ZeroWidth => ["200D", "200C", "2060", "FEFF", "200F"];

    private static string Chars(string codeUnits) => string.Concat(codeUnits.Split(' ').Select(u => (char)Convert.ToInt32(u, 16)));

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void A_single_line_drops_every_bad_character(string codeUnits)
    {
        var bad = Chars(codeUnits);
        Assert.Equal("Thủ tục hành chính", VietnameseText.Normalize($"Thủ tục {bad}hành{bad} chính{bad}"));
        Assert.Equal("thu tuc hanh chinh", VietnameseText.Fold($"Thủ tục {bad}hành{bad} chính"));
    }

    [Theory]
    [MemberData(nameof(ZeroWidth))]
    public void A_single_line_drops_zero_width_characters(string codeUnits)
    {
        var invisible = Chars(codeUnits);
        Assert.Equal("Thủ tục hành chính", VietnameseText.Normalize($"Thủ tục hành{invisible} chính{invisible}"));
    }

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Lines_drop_every_bad_character_and_keep_line_breaks_and_tabs(string codeUnits)
    {
        var bad = Chars(codeUnits);
        Assert.Equal("Dòng một\n\tDòng hai", VietnameseText.NormalizeLines($"Dòng{bad} một\r\n\tDòng hai{bad}"));
    }

    [Fact]
    public void Lines_keep_the_joiners_of_emoji_sequences()
    {
        const string family = "Gia đình 👨\u200D👩\u200D👧";
        Assert.Equal(family, VietnameseText.NormalizeLines(family));
    }

    [Fact]
    public void Vietnamese_text_is_unchanged()
    {
        Assert.Equal(Vietnamese, VietnameseText.Normalize(Vietnamese));
        Assert.Equal(Vietnamese + "\n" + Vietnamese, VietnameseText.NormalizeLines(Vietnamese + "\n" + Vietnamese));
    }

    [Fact]
    public void Decomposed_input_becomes_composed()
    {
        var nfd = Vietnamese.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Vietnamese, nfd);
        Assert.Equal(Vietnamese, VietnameseText.Normalize(nfd));
        Assert.Equal(Vietnamese, VietnameseText.NormalizeLines(nfd));
    }

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Clean_text_drops_every_bad_character_and_keeps_the_rest(string codeUnits)
    {
        var bad = Chars(codeUnits);
        Assert.Equal("Thủ tục\r\n\thành  chính 👨\u200D👩", VietnameseText.Clean($"Thủ{bad} tục\r\n\thành  chính{bad} 👨\u200D👩"));
    }

    [Fact]
    public void Nfc_replaces_what_cannot_be_normalised_one_for_one_so_offsets_hold()
    {
        Assert.Equal("ab\uFFFDc\uFFFDd\uFFFD\uFFFDe", VietnameseText.Nfc("ab\uD800c\uFFFEd\uD83F\uDFFEe"));
        Assert.Equal("Thủ tục", VietnameseText.Nfc("Thủ tục".Normalize(NormalizationForm.FormD)));
        Assert.Equal("a\bb", VietnameseText.Nfc("a\bb"));
    }

    [Fact]
    public void Random_text_never_makes_a_helper_throw_and_what_comes_out_is_valid_xml_text()
    {
        var random = new Random(16);
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var n = 0; n < 3000; n++)
        {
            var chars = new char[random.Next(1, 40)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = random.Next(4) switch
                {
                    0 => (char)random.Next(0, 0x100),
                    1 => (char)random.Next(0xD800, 0xE000),
                    2 => (char)random.Next(0xFDC0, 0x10000),
                    _ => (char)random.Next(0, 0x10000),
                };
            var text = new string(chars);
            foreach (var result in new[] { VietnameseText.Normalize(text), VietnameseText.NormalizeLines(text), VietnameseText.Clean(text) })
            {
                strictUtf8.GetByteCount(result); // throws on a lone surrogate
                XmlConvert.VerifyXmlChars(result);
                Assert.True(result.IsNormalized(NormalizationForm.FormC));
            }
            strictUtf8.GetByteCount(VietnameseText.Nfc(text));
            VietnameseText.Fold(text);
            VietnameseText.RemoveDiacritics(text);
        }
    }

    /// <summary>
    /// Plain text is returned as it is, or with its spacing collapsed, without the full path's scans; on anything, the
    /// answer must be the full path's. A leading NUL always takes the full path (which drops it): the reference.
    /// </summary>
    [Fact]
    public void The_quick_path_for_plain_text_answers_what_the_full_path_does()
    {
        var edges = "  aZ~!\t\n\r\v\f\u007F\u0080\u00A0\u00A1\u00AD\u00C0\u01A1\u01B0\u0111\u024F\u0250\u0300\u0301\u0323\u1DFF\u1E00\u1EA1"
            + "\u1EC7\u1EF9\u1EFF\u1F00\u1F71\u200B\u200F\u2010\u2013\u201C\u2026\u2027\u2028\u202E\u202F\u2126\u3000\uD800\uDC00\uFFFE";
        var random = new Random(23);
        var texts = new List<string> { Vietnamese, "Thủ tục 1.000004 – “đăng ký”…", "hoá đơn", "e\u0301", "a  b", " a", "a ", "Đoạn một.\n\nĐoạn hai\r\n", "\n", " " };
        for (var n = 0; n < 20000; n++)
        {
            var chars = new char[random.Next(1, 12)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = random.Next(3) == 0 ? edges[random.Next(edges.Length)] : Vietnamese[random.Next(Vietnamese.Length)];
            texts.Add(new string(chars));
        }
        var unchanged = 0;
        foreach (var text in texts)
        {
            var normalized = VietnameseText.Normalize(text);
            Assert.Equal(VietnameseText.Normalize("\0" + text), normalized);
            if (ReferenceEquals(text, normalized)) unchanged++;
        }
        Assert.True(unchanged > 1000, $"only {unchanged} texts took the quick path");
        Assert.Same(Vietnamese, VietnameseText.Normalize(Vietnamese));
    }
}
