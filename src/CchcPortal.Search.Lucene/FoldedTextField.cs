using CchcPortal.Search.Lucene.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// A value of <see cref="SearchFields.Text"/> indexed folded only ("dang", not "đăng" and "dang"), whatever analyzer
/// the writer holds for the field: a document's body, which is most of its syllables. The writer asks each field for
/// its tokens as it inverts it, so the stream is read at once, on the writer's thread.
/// </summary>
internal sealed class FoldedTextField(string name, string value) : Field(name, value, TextField.TYPE_NOT_STORED)
{
    private static readonly VietnameseAnalyzer Folded = new(VietnameseForm.Folded, textIsNfc: true);

    public override TokenStream GetTokenStream(Analyzer analyzer) => Folded.GetTokenStream(Name, GetStringValue());
}
