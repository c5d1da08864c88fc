using CchcPortal.Search.Lucene.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace CchcPortal.Search.Lucene;

/// <summary>Field names of the index and the analyzer of each analysed field.</summary>
public static class SearchFields
{
    public const string Key = "key";
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Url = "url";
    public const string Date = "date";
    public const string Code = "code";
    /// <summary>Lower-cased codes for exact lookup: the full code and its national part (1.012753.H19 -> 1.012753).</summary>
    public const string CodeLookup = "code.k";

    public const string TitleExact = "title.x";
    public const string TitleFolded = "title.f";
    public const string TitleExactShingles = "title.sx";
    public const string TitleFoldedShingles = "title.sf";
    public const string TitlePrefixes = "title.p";
    /// <summary>Folded title words without norms or frequencies: which words a title holds, whatever its length.</summary>
    public const string TitleCoverage = "title.c";
    /// <summary>
    /// Title, keywords, code, summary and body. Each syllable of the title, keywords, code and summary as written and
    /// folded at the same position (one analysis pass); the body's folded only (<see cref="FoldedTextField"/>).
    /// </summary>
    public const string Text = "text.xf";
    /// <summary>Exact terms of the text are looked up in <see cref="Text"/>...</summary>
    public const string TextExact = Text;
    /// <summary>... and so are its folded terms.</summary>
    public const string TextFolded = Text;
    public const string TextFoldedShingles = "text.sf";

    public static string Filter(string facet) => "filter." + facet;
    public static string Facet(string facet) => "facet." + facet;

    public static readonly VietnameseAnalyzer Exact = new(VietnameseForm.Exact);
    public static readonly VietnameseAnalyzer Folded = new(VietnameseForm.Folded);
    public static readonly VietnameseAnalyzer ExactShingles = new(VietnameseForm.ExactShingles);
    public static readonly VietnameseAnalyzer FoldedShingles = new(VietnameseForm.FoldedShingles);
    public static readonly VietnameseAnalyzer FoldedPrefixes = new(VietnameseForm.FoldedPrefixes);
    public static readonly VietnameseAnalyzer ExactAndFolded = new(VietnameseForm.ExactAndFolded);
    public static readonly VietnameseAnalyzer FoldedPairs = new(VietnameseForm.FoldedPairs);

    /// <summary>The analyzers of the index: the same forms, for text <see cref="DocumentMapper"/> has already normalized.</summary>
    public static Analyzer CreateIndexAnalyzer()
    {
        var exact = Indexing(VietnameseForm.Exact);
        var folded = Indexing(VietnameseForm.Folded);
        return new PerFieldAnalyzerWrapper(exact, new Dictionary<string, Analyzer>
        {
            [TitleExact] = exact,
            [Text] = Indexing(VietnameseForm.ExactAndFolded),
            [TitleFolded] = folded,
            [TitleCoverage] = folded,
            [TitleExactShingles] = Indexing(VietnameseForm.ExactShingles),
            [TitleFoldedShingles] = Indexing(VietnameseForm.FoldedShingles),
            [TextFoldedShingles] = Indexing(VietnameseForm.FoldedPairs),
            [TitlePrefixes] = Indexing(VietnameseForm.FoldedPrefixes),
        });
    }

    private static VietnameseAnalyzer Indexing(VietnameseForm form) => new(form, textIsNfc: true);
}
