using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CchcPortal.Core.Common;
using CchcPortal.Search.Lucene.Analysis;
using CchcPortal.Tests.Integration;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>
/// <see cref="SyllableTokenizer"/> must split text exactly as Lucene's StandardTokenizer does (terms, offsets,
/// positions, types, final offset): the index was built with that tokenizer and queries are analysed with this one.
/// </summary>
public class SyllableTokenizerTests
{
    private sealed record Token(string Term, int Start, int End, int Position, string Type);

    private static (List<Token> Tokens, int FinalOffset, int FinalPosition) Read(Tokenizer tokenizer, string text)
    {
        tokenizer.SetReader(new StringReader(text));
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        var position = tokenizer.AddAttribute<IPositionIncrementAttribute>();
        var type = tokenizer.AddAttribute<ITypeAttribute>();
        tokenizer.Reset();
        var tokens = new List<Token>();
        while (tokenizer.IncrementToken())
            tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset, position.PositionIncrement, type.Type));
        tokenizer.End();
        var result = (tokens, offset.EndOffset, position.PositionIncrement);
        tokenizer.Dispose();
        return result;
    }

    private sealed class Pair
    {
        // Created on a reader that is set aside at once: Lucene's tokenizers take each text through SetReader.
        public readonly StandardTokenizer Standard = Closed(new StandardTokenizer(VietnameseAnalyzer.Version, new StringReader("")));
        public readonly SyllableTokenizer Syllables = Closed(new SyllableTokenizer(new StringReader("")));

        private static T Closed<T>(T tokenizer) where T : Tokenizer
        {
            tokenizer.Dispose();
            return tokenizer;
        }

        public void AssertSame(string text)
        {
            var expected = Read(Standard, text);
            var actual = Read(Syllables, text);
            Assert.True(expected.Tokens.SequenceEqual(actual.Tokens),
                $"Text {Escape(text)}:\n  standard  {string.Join(" ", expected.Tokens)}\n  syllables {string.Join(" ", actual.Tokens)}");
            Assert.True(expected.FinalOffset == actual.FinalOffset, $"Final offset of {Escape(text)}");
            Assert.True(expected.FinalPosition == actual.FinalPosition, $"Final position increment of {Escape(text)}");
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    /// <summary>Every character in the fast path's table, between letters, digits, connectors and spaces.</summary>
    [Fact]
    public void Every_known_character_breaks_words_as_the_standard_tokenizer_does()
    {
        var pair = new Pair();
        var known = Enumerable.Range(0, 0x2028).Select(c => (char)c).Where(c => WordBreakClasses.AllKnown([c])).ToList();
        Assert.True(known.Count > 800, $"{known.Count} known characters");
        foreach (var c in known)
            foreach (var context in new[] { "a{0}b", "1{0}2", "a{0}1", "1{0}a", "{0}a", "a{0}", "{0}", "_{0}_", "ă{0}{0}đ", "a{0}b{0}c", "9{0}9{0}a" })
                pair.AssertSame(string.Format(context, c));
    }

    [Fact]
    public void Random_text_from_the_word_break_classes_gives_the_same_tokens()
    {
        var random = new Random(20261204);
        // Each class of the rules more than once, the classes that join words most of all.
        const string alphabet = "aZđƯếỹ09 .'’:·,;_-–“\t\n!/…‧ª";
        var pair = new Pair();
        var text = new StringBuilder();
        for (var n = 0; n < 40_000; n++)
        {
            text.Clear();
            var length = random.Next(1, 16);
            for (var i = 0; i < length; i++) text.Append(alphabet[random.Next(alphabet.Length)]);
            pair.AssertSame(text.ToString());
        }
    }

    [Fact]
    public void Words_longer_than_the_limit_are_dropped_but_keep_their_position()
    {
        var pair = new Pair();
        foreach (var length in new[] { 254, 255, 256, 300, 1500 })
        {
            var word = new string('a', length);
            pair.AssertSame($"đăng {word} ký");
            pair.AssertSame($"{word} {word}");
            pair.AssertSame($"khai sinh {word}");
            pair.AssertSame($"{new string('1', length)}.5 và {word}_");
        }
    }

    /// <summary>Values with other characters go to the standard tokenizer, in turn with ones that do not, on one instance.</summary>
    [Fact]
    public void Text_outside_the_table_is_tokenized_by_the_standard_tokenizer()
    {
        var pair = new Pair();
        string[] texts =
        [
            "Đăng ký khai sinh".Normalize(NormalizationForm.FormD), "😀 biểu tượng 🇻🇳 cờ", "中文 và tiếng Việt",
            "soft\u00ADhyphen", "zero\u200Dwidth joiner", "bullet \uF0B7 từ Word", "đăng ký", "e\u0301 tách dấu",
            "Mã 1.012753.H19 và 2.000123", "", "   ", "...", "ký tự lạ \uFFFE, \uD800 lẻ, \u202Eđảo chiều", "kết thúc",
        ];
        foreach (var text in texts.Concat(texts.Reverse())) pair.AssertSame(text);
    }

    /// <summary>The texts the index holds: the seeded pages and plans, and every text of the national procedure records.</summary>
    [Fact]
    public void Seed_texts_give_the_same_tokens()
    {
        var pair = new Pair();
        var texts = IndexAnalysisTests.SeedTexts().Concat(ProcedureTexts()).ToList();
        Assert.True(texts.Count > 10_000, $"{texts.Count} texts");
        foreach (var text in texts)
        {
            pair.AssertSame(text);
            pair.AssertSame(VietnameseText.Normalize(text));
        }
    }

    private static IEnumerable<string> ProcedureTexts()
    {
        using var gz = new GZipStream(File.OpenRead(TestData.Seed("procedures", "dvcqg-cap-tinh-cap-xa.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var texts = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Trim().Length > 0)
                using (var json = JsonDocument.Parse(line))
                    Collect(json.RootElement, texts);
        return texts;
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when element.GetString() is { Length: > 0 } s: texts.Add(s); break;
            case JsonValueKind.Object: foreach (var p in element.EnumerateObject()) Collect(p.Value, texts); break;
            case JsonValueKind.Array: foreach (var v in element.EnumerateArray()) Collect(v, texts); break;
        }
    }
}
