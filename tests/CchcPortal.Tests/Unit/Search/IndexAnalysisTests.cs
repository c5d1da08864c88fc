using System.Text;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using CchcPortal.Search.Lucene.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>
/// The index's analyzers do not normalize text again (<see cref="DocumentMapper"/> has): on every value the mapper
/// hands them they must give exactly the tokens of the analyzers that queries and snippets use.
/// </summary>
public class IndexAnalysisTests
{
    /// <summary>The seeded pages and plans, paragraph by paragraph, and text written the awkward ways.</summary>
    internal static List<string> SeedTexts() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seed"), "*.md", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n"))
            .Where(p => p.Trim().Length > 0)
            .Concat([
                "Đăng ký khai sinh cho trẻ".Normalize(NormalizationForm.FormD), "Hoá đơn thuỷ lợi, UỶ BAN và quý khách",
                "Mã 1.012753.H19 và 2.000123", "Tab\tdòng\nmới\u00A0và\u200Bkhông rộng", "😀 biểu tượng 🇻🇳 cờ",
                "ký tự lạ \uFFFE, \uD800 lẻ, \u202Eđảo chiều", "e\u0301 tách dấu, a\u0300 và ơ\u0309",
            ])
            .ToList();

    private static readonly Dictionary<string, VietnameseAnalyzer> QueryAnalyzers = new()
    {
        [SearchFields.TitleExact] = SearchFields.Exact,
        [SearchFields.TitleFolded] = SearchFields.Folded,
        [SearchFields.TitleCoverage] = SearchFields.Folded,
        [SearchFields.TitleExactShingles] = SearchFields.ExactShingles,
        [SearchFields.TitleFoldedShingles] = SearchFields.FoldedShingles,
        [SearchFields.TitlePrefixes] = SearchFields.FoldedPrefixes,
        [SearchFields.Text] = SearchFields.ExactAndFolded,
        [SearchFields.TextFoldedShingles] = SearchFields.FoldedPairs,
    };

    [Fact]
    public void Every_analysed_field_indexes_the_tokens_a_query_analyzer_finds_in_the_mapped_text()
    {
        var texts = SeedTexts();
        Assert.True(texts.Count > 100, "the seed should give many paragraphs");
        var index = SearchFields.CreateIndexAnalyzer();
        var analysed = 0;
        var folded = 0;
        foreach (var text in texts)
        {
            var doc = DocumentMapper.ToLucene(new SearchDocument
            {
                Key = "k", Kind = "procedure", Title = text.Length > 300 ? text[..300] : text, Summary = text, Body = text,
                Keywords = text.Length > 80 ? text[..80] : text, ProcedureCode = " 1.000004\u0301 ", Url = "/x",
            });
            foreach (var field in doc.Fields.Where(f => f.IndexableFieldType.IsIndexed && f.IndexableFieldType.IsTokenized))
            {
                var value = field.GetStringValue();
                Assert.True(value.IsNormalized(NormalizationForm.FormC), $"{field.Name} is not NFC: {value}");
                // What the writer does: the field gives its tokens (the body's value of the text, folded only).
                var expected = field is FoldedTextField ? SearchFields.Folded : QueryAnalyzers[field.Name];
                Assert.Equal(Tokens(expected.GetTokenStream(field.Name, value)), Tokens(field.GetTokenStream(index)));
                folded += field is FoldedTextField ? 1 : 0;
                analysed++;
            }
        }
        Assert.True(analysed > texts.Count * 8, $"only {analysed} values analysed");
        Assert.Equal(texts.Count, folded);
    }

    private static List<(string Term, int Increment, int Start, int End)> Tokens(TokenStream source)
    {
        using var stream = source;
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var list = new List<(string, int, int, int)>();
        while (stream.IncrementToken()) list.Add((term.ToString(), position.PositionIncrement, offset.StartOffset, offset.EndOffset));
        stream.End();
        return list;
    }

    /// <summary>
    /// The folded forms are lower-cased and folded by the tokenizer itself, without the tone-mark step (folding drops
    /// the mark wherever it sits): each gives the terms of the full chain of filters, the standard tokenizer, lower
    /// case, one tone placement, then ASCII folding (and shingles or prefixes after them).
    /// </summary>
    [Fact]
    public void Folded_forms_give_the_terms_of_the_full_chain_of_filters()
    {
        static Analyzer Reference(Func<TokenStream, TokenStream> then) => Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new Lucene.Net.Analysis.Standard.StandardTokenizer(VietnameseAnalyzer.Version, reader);
            TokenStream stream = new Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter(new ToneMarkFilter(new FastLowerCaseFilter(tokenizer)));
            return new TokenStreamComponents(tokenizer, then(stream));
        });
        var forms = new (VietnameseAnalyzer Analyzer, Analyzer Reference)[]
        {
            (SearchFields.Folded, Reference(s => s)),
            (SearchFields.FoldedShingles, Reference(s => new FastShingleFilter(s))),
            (SearchFields.FoldedPairs, Reference(s => new FastShingleFilter(s, maxSize: 2))),
            (SearchFields.FoldedPrefixes, Reference(s => new Lucene.Net.Analysis.NGram.EdgeNGramTokenFilter(VietnameseAnalyzer.Version, s, 1, 20))),
        };
        // Every character of the tokenizer's table, alone, inside a word and upper-cased; then the seed's texts.
        var known = Enumerable.Range(0, 0x2028).Select(c => (char)c).Where(c => WordBreakClasses.AllKnown([c])).ToList();
        var texts = known.Select(c => $"a{c}b {c} Đ{c}Ư {char.ToUpperInvariant(c)}ế")
            .Concat(SeedTexts().Select(VietnameseText.Normalize))
            .Append("Hoá đơn thuỷ lợi, UỶ BAN, quý khách, khoẻ, hoà giải, ÆSIR straße Ĳssel ǅ")
            .ToList();
        foreach (var (analyzer, reference) in forms)
            foreach (var text in texts)
                Assert.Equal(Tokens(reference.GetTokenStream("f", text)), Tokens(analyzer.GetTokenStream("f", text)));
        Assert.Equal(["hoa", "don", "thuy", "aesir", "strasse"], SearchFields.Folded.Terms("Hoá đơn thuỷ ÆSIR straße"));
    }
}
