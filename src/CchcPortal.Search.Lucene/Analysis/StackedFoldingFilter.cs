using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Search.Lucene.Analysis;

/// <summary>
/// Emits each token as written and, when folding changes it, its folded form at the same position ("đăng", "dang").
/// One field then answers both exact and folded terms, for one pass of the tokenizer instead of two.
/// </summary>
public sealed class StackedFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private char[] _folded = new char[64];
    private int _foldedLength;
    private bool _pending;

    public StackedFoldingFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending)
        {
            // The other attributes (offsets, type) still hold the token just emitted: this filter is the last of
            // its chain and the indexer only reads them, so no state needs capturing and restoring.
            _pending = false;
            _term.CopyBuffer(_folded, 0, _foldedLength);
            _position.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] < '\u0080') continue;
            if (_folded.Length < length * 4) _folded = new char[length * 4];
            _foldedLength = ASCIIFoldingFilter.FoldToASCII(buffer, 0, _folded, 0, length);
            _pending = true;
            break;
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = false;
    }
}
