using CchcPortal.Core.Common;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace CchcPortal.Search.Lucene.Analysis;

public enum VietnameseForm
{
    /// <summary>Syllables lower-cased, diacritics kept: "đăng", "ký".</summary>
    Exact,
    /// <summary>Syllables folded to ASCII (đ -> d): "dang", "ky".</summary>
    Folded,
    /// <summary>2-3 syllable shingles with diacritics: "đăng ký", "đăng ký khai".</summary>
    ExactShingles,
    /// <summary>2-3 syllable shingles folded: "dang ky", "dang ky khai".</summary>
    FoldedShingles,
    /// <summary>Folded two-syllable shingles only, for long text where triples would cost more than they add.</summary>
    FoldedPairs,
    /// <summary>Both at once: each syllable as written and, when different, folded at the same position ("đăng", "dang").</summary>
    ExactAndFolded,
    /// <summary>Folded syllable prefixes (edge n-grams) for as-you-type suggestions: "d", "da", "dan", "dang".</summary>
    FoldedPrefixes,
}

/// <summary>
/// Vietnamese analysis: NFC, the standard (UAX#29) word breaks (<see cref="SyllableTokenizer"/>), which split
/// Vietnamese into syllables, lower case, then either one tone-mark placement (the forms that keep marks) or ASCII
/// folding, then optionally shingles or edge n-grams.
/// </summary>
/// <param name="textIsNfc">
/// True for the index's analyzers: <see cref="DocumentMapper"/> hands them text it has already normalized, so reading
/// each value into a new string to normalize it again (a copy and two scans of every field value) is skipped.
/// </param>
public sealed class VietnameseAnalyzer(VietnameseForm form, bool textIsNfc = false) : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    public VietnameseForm Form { get; } = form;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        // The folded forms: the tokenizer lower-cases and folds each word itself. Where the tone mark sits
        // ("hoá"/"hóa") matters only while marks are kept: folding drops it either way.
        var folded = Form is not (VietnameseForm.Exact or VietnameseForm.ExactShingles or VietnameseForm.ExactAndFolded);
        var tokenizer = new SyllableTokenizer(reader, fold: folded);
        TokenStream stream = tokenizer;
        if (!folded) stream = new ToneMarkFilter(new FastLowerCaseFilter(stream));
        if (Form is VietnameseForm.ExactAndFolded)
            stream = new StackedFoldingFilter(stream);
        if (Form is VietnameseForm.ExactShingles or VietnameseForm.FoldedShingles)
            stream = new FastShingleFilter(stream);
        if (Form is VietnameseForm.FoldedPairs)
            stream = new FastShingleFilter(stream, maxSize: 2);
        if (Form is VietnameseForm.FoldedPrefixes)
            stream = new EdgeNGramTokenFilter(Version, stream, 1, 20);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The values of a field with several (title, keywords, text) are far apart: no phrase spans two of them.</summary>
    public override int GetPositionIncrementGap(string fieldName) => 100;

    /// <summary>
    /// Text is normalized to NFC before tokenizing (tone marks as combining characters would split syllables).
    /// Stored text is already NFC, so offsets still point into it.
    /// </summary>
    protected override TextReader InitReader(string fieldName, TextReader reader)
    {
        if (textIsNfc) return reader;
        // Lucene.Net's reusable string reader answers null rather than "" for empty text.
        var text = reader.ReadToEnd() ?? "";
        return new StringReader(VietnameseText.Nfc(text));
    }

    /// <summary>The terms of <paramref name="text"/> in this form, in order.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var (term, _, _) in Tokens(text)) terms.Add(term);
        return terms;
    }

    /// <summary>Terms with their character offsets in <paramref name="text"/>.</summary>
    public IEnumerable<(string Term, int Start, int End)> Tokens(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        using var stream = GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var list = new List<(string, int, int)>();
        while (stream.IncrementToken()) list.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return list;
    }
}
