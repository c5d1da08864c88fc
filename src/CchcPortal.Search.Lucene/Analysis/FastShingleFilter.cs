using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Search.Lucene.Analysis;

/// <summary>
/// Two- and three-syllable shingles ("đăng ký", "đăng ký khai") without the unigrams, like Lucene's ShingleFilter
/// (2, 3) but several times cheaper: the field's tokens are read once into one buffer and joined from there.
/// </summary>
public sealed class FastShingleFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private char[] _chars = new char[1024];
    private int _charCount;
    private readonly List<(int At, int Length, int Start, int End)> _tokens = [];
    private bool _read;
    private int _next;
    private int _size;
    private readonly int _maxSize;

    /// <param name="maxSize">2: pairs only; 3: pairs and triples.</param>
    public FastShingleFilter(TokenStream input, int maxSize = 3) : base(input)
    {
        _maxSize = maxSize;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!_read) ReadAll();
        while (_next < _tokens.Count)
        {
            if (_size == 0) _size = 2;
            var last = _next + _size - 1;
            if (_size > _maxSize || last >= _tokens.Count)
            {
                _next++;
                _size = 0;
                continue;
            }
            ClearAttributes();
            var length = _size - 1;
            for (var i = _next; i <= last; i++) length += _tokens[i].Length;
            var buffer = _term.ResizeBuffer(length);
            var at = 0;
            for (var i = _next; i <= last; i++)
            {
                if (i > _next) buffer[at++] = ' ';
                var t = _tokens[i];
                Array.Copy(_chars, t.At, buffer, at, t.Length);
                at += t.Length;
            }
            _term.SetLength(length);
            _offset.SetOffset(_tokens[_next].Start, _tokens[last].End);
            _position.PositionIncrement = _size == 2 ? 1 : 0;
            _size++;
            return true;
        }
        return false;
    }

    private void ReadAll()
    {
        _read = true;
        var term = m_input.GetAttribute<ICharTermAttribute>();
        var offset = m_input.GetAttribute<IOffsetAttribute>();
        while (m_input.IncrementToken())
        {
            if (_charCount + term.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
            Array.Copy(term.Buffer, 0, _chars, _charCount, term.Length);
            _tokens.Add((_charCount, term.Length, offset.StartOffset, offset.EndOffset));
            _charCount += term.Length;
        }
    }

    public override void Reset()
    {
        base.Reset();
        _tokens.Clear();
        _charCount = 0;
        _read = false;
        _next = 0;
        _size = 0;
    }
}
