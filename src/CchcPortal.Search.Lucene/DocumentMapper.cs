using System.Globalization;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CchcPortal.Search.Lucene;

/// <summary>Turns a <see cref="SearchDocument"/> into the Lucene document: stored display fields, analysed text, filters and facets.</summary>
public static class DocumentMapper
{
    /// <summary>National procedure code at the start of a code: 1.012753 of 1.012753.H19.</summary>
    public static string NationalCode(string code)
    {
        var first = code.IndexOf('.');
        var second = first < 0 ? -1 : code.IndexOf('.', first + 1);
        return second < 0 ? code : code[..second];
    }

    private static readonly FieldType CoverageType = CreateCoverageType();
    private static readonly FieldType ShinglesType = CreateShinglesType();

    private static FieldType CreateCoverageType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY };
        type.Freeze();
        return type;
    }

    /// <summary>
    /// Shingle fields are only ever searched term by term (a shingle is already the phrase): frequencies and norms
    /// for the score, no positions, which would be a sixth of the postings the writer builds and writes.
    /// </summary>
    private static FieldType CreateShinglesType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        return type;
    }

    private static void AddTitle(LuceneDocument doc, string value, float weight, bool withPrefixes)
    {
        if (value.Length == 0) return;
        AddText(doc, SearchFields.TitleExact, value, weight);
        AddText(doc, SearchFields.TitleFolded, value, weight);
        AddShingles(doc, SearchFields.TitleExactShingles, value, weight);
        AddShingles(doc, SearchFields.TitleFoldedShingles, value, weight);
        if (withPrefixes) AddText(doc, SearchFields.TitlePrefixes, value, weight);
    }

    private static void AddText(LuceneDocument doc, string name, string value, float weight)
    {
        var field = new TextField(name, value, Field.Store.NO);
        if (weight != 1f) field.Boost = weight;
        doc.Add(field);
    }

    private static void AddShingles(LuceneDocument doc, string name, string value, float weight)
    {
        var field = new Field(name, value, ShinglesType);
        if (weight != 1f) field.Boost = weight;
        doc.Add(field);
    }

    public static LuceneDocument ToLucene(SearchDocument d)
    {
        var title = SearchFieldLimits.Title(VietnameseText.Normalize(d.Title));
        var summary = VietnameseText.Normalize(d.Summary);
        var body = VietnameseText.Normalize(d.Body);
        var doc = new LuceneDocument
        {
            new KeywordField(SearchFields.Key, d.Key, Field.Store.YES),
            new KeywordField(SearchFields.Kind, d.Kind, Field.Store.YES),
            new StoredField(SearchFields.Title, title),
            new Utf8StoredField(SearchFields.Summary, summary),
            new Utf8StoredField(SearchFields.Body, body),
            new StoredField(SearchFields.Url, d.Url),
        };
        if (d.Date is { } date) doc.Add(new StoredField(SearchFields.Date, date.Ticks));

        // Every analysed value is normalized here: the index's analyzers do not normalize again.
        var normalizedCode = VietnameseText.Normalize(d.ProcedureCode);
        var head = normalizedCode.Length == 0 ? summary : summary.Length == 0 ? normalizedCode : string.Concat(normalizedCode, " ", summary);
        // Keywords are searched as a second value of the title fields (so no shingle bridges title and keywords).
        var keywords = VietnameseText.Normalize(d.Keywords);
        AddTitle(doc, title, d.Weight, withPrefixes: true);
        AddTitle(doc, keywords, d.Weight, withPrefixes: false);
        // The text holds the title and keywords as well, so one term per word is enough to match (FirstPassPlan.For).
        foreach (var value in (ReadOnlySpan<string>)[title, keywords, head])
            if (value.Length > 0) AddText(doc, SearchFields.Text, value, d.Weight);
        if (Lead(head, body) is { Length: > 0 } lead) AddShingles(doc, SearchFields.TextFoldedShingles, lead, d.Weight);

        // The body folded only: the first pass and phrases read folded terms alone, and a word's marks count in the
        // title, keywords and summary; marks on every body syllable were a third of the index's tokens.
        if (body.Length > 0) doc.Add(new FoldedTextField(SearchFields.Text, body) { Boost = d.Weight });
        doc.Add(new Field(SearchFields.TitleCoverage, title, CoverageType));
        if (keywords.Length > 0) doc.Add(new Field(SearchFields.TitleCoverage, keywords, CoverageType));

        if (!string.IsNullOrWhiteSpace(d.ProcedureCode))
        {
            doc.Add(new StoredField(SearchFields.Code, d.ProcedureCode));
            var code = SearchFieldLimits.Keyword(d.ProcedureCode.Trim().ToLowerInvariant());
            doc.Add(new KeywordField(SearchFields.CodeLookup, code, Field.Store.NO));
            if (NationalCode(code) != code) doc.Add(new KeywordField(SearchFields.CodeLookup, NationalCode(code), Field.Store.NO));
        }

        AddFacet(doc, SearchFacets.Kind, [d.Kind]);
        AddFacet(doc, SearchFacets.Field, d.Fields);
        AddFacet(doc, SearchFacets.Level, d.Levels);
        AddFacet(doc, SearchFacets.Agency, d.Agencies);
        AddFacet(doc, SearchFacets.Year, d.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        return doc;
    }

    /// <summary>
    /// The text's pairs come from its opening only (code, summary, then the body), where its subject is named: they
    /// are most of the terms the writer has not seen before, the costliest kind. 300 characters rank the judged set as
    /// 1,000 did (docs/benchmarks.md, "Indexing speed (issue 23 item 6, session 15)").
    /// </summary>
    private static string Lead(string head, string body)
    {
        const int max = 300;
        var text = head.Length == 0 ? body : body.Length == 0 || head.Length > max ? head
            : string.Concat(head, " ", body.AsSpan(0, Math.Min(body.Length, max)));
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > 0 ? cut : max)];
    }

    private static readonly Dictionary<string, (string Filter, string Facet)> FacetFieldNames =
        new[] { SearchFacets.Kind, SearchFacets.Field, SearchFacets.Level, SearchFacets.Agency, SearchFacets.Year }
            .ToDictionary(f => f, f => (SearchFields.Filter(f), SearchFields.Facet(f)));

    private static void AddFacet(LuceneDocument doc, string facet, IEnumerable<string> values)
    {
        var (filter, facetField) = FacetFieldNames[facet];
        List<string>? added = null;
        foreach (var raw in values)
        {
            var value = SearchFieldLimits.Keyword(VietnameseText.Normalize(raw));
            if (value.Length == 0 || added?.Contains(value) == true) continue;
            (added ??= []).Add(value);
            doc.Add(new KeywordField(filter, value, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(facetField, new BytesRef(value)));
        }
    }
}
