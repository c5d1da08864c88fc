using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Search.Lucene.Analysis;

/// <summary>Applies <see cref="ToneMarks.Normalize"/> to each (lower-cased) token.</summary>
public sealed class ToneMarkFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public ToneMarkFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var span = _term.Buffer.AsSpan(0, _term.Length);
        if (ToneMarks.MayNeedMove(span))
        {
            var normalized = ToneMarks.Normalize(span.ToString());
            _term.SetEmpty().Append(normalized);
        }
        return true;
    }
}
