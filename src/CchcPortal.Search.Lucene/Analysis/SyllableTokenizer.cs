using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Search.Lucene.Analysis;

/// <summary>
/// The tokens of <see cref="StandardTokenizer"/> (UAX#29 word breaks), found without its general scanner when a value
/// holds only ASCII, Latin and Vietnamese letters, digits and common punctuation: the word-break rules for those few
/// classes are a handful of comparisons, where the scanner's automaton was two thirds of analysing a body. A value
/// with any other character (combining marks, other scripts, symbols) goes to <see cref="StandardTokenizer"/> itself.
/// Both paths give the same terms, offsets, positions and types (SyllableTokenizerTests compares them), so an index
/// built with either reads the same.
/// </summary>
public sealed class SyllableTokenizer : Tokenizer
{
    private const int MaxTokenLength = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;
    private static readonly string AlphaNum = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static readonly string Num = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private readonly bool _fold;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly ITypeAttribute _type;
    private char[] _text = new char[1024];
    private int _length;
    private int _next;
    private int _skipped;
    private StandardTokenizer? _general;
    private bool _useGeneral;
    // The general tokenizer's reader is open from its Reset to this tokenizer's Dispose (Lucene's reuse contract).
    private bool _generalOpen;

    /// <param name="fold">
    /// Write each word lower-cased and folded to ASCII ("Đăng" -> "dang"), as <see cref="FastLowerCaseFilter"/> then
    /// Lucene's ASCIIFoldingFilter would, from a table of the folded lower case of each character: the folded forms'
    /// words (most of the index's) then pass through no filter at all.
    /// </param>
    public SyllableTokenizer(TextReader reader, bool fold = false) : base(reader)
    {
        _fold = fold;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        ReadAll();
        _next = 0;
        _skipped = 0;
        _useGeneral = !WordBreakClasses.AllKnown(_text.AsSpan(0, _length));
        if (!_useGeneral) return;
        var reader = new StringReader(new string(_text, 0, _length));
        if (_general is null) _general = new StandardTokenizer(VietnameseAnalyzer.Version, reader);
        else _general.SetReader(reader);
        _general.Reset();
        _generalOpen = true;
    }

    private void ReadAll()
    {
        _length = 0;
        while (true)
        {
            if (_length == _text.Length) Array.Resize(ref _text, _text.Length * 2);
            var read = m_input.Read(_text, _length, _text.Length - _length);
            if (read <= 0) return;
            _length += read;
        }
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        return _useGeneral ? CopyFromGeneral() : NextWord();
    }

    private bool NextWord()
    {
        while (WordBreakClasses.NextWord(_text, _length, ref _next, out var start, out var hasLetter))
        {
            var length = _next - start;
            if (length > MaxTokenLength)
            {
                // As the standard tokenizer does: a word this long is dropped, but its position is kept.
                _skipped++;
                continue;
            }
            if (_fold) FoldedLowerCase.CopyFolded(_text, start, length, _term);
            else _term.CopyBuffer(_text, start, length);
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(_next));
            _position.PositionIncrement = _skipped + 1;
            _type.Type = hasLetter ? AlphaNum : Num;
            _skipped = 0;
            return true;
        }
        return false;
    }

    private bool CopyFromGeneral()
    {
        if (!_general!.IncrementToken()) return false;
        var term = _general.GetAttribute<ICharTermAttribute>();
        var offset = _general.GetAttribute<IOffsetAttribute>();
        _term.CopyBuffer(term.Buffer, 0, term.Length);
        if (_fold) FoldInPlace();
        _offset.SetOffset(CorrectOffset(offset.StartOffset), CorrectOffset(offset.EndOffset));
        _position.PositionIncrement = _general.GetAttribute<IPositionIncrementAttribute>().PositionIncrement;
        _type.Type = _general.GetAttribute<ITypeAttribute>().Type;
        return true;
    }

    /// <summary>What FastLowerCaseFilter and ASCIIFoldingFilter do to a word of the standard tokenizer.</summary>
    private void FoldInPlace()
    {
        FastLowerCaseFilter.Lower(_term.Buffer, _term.Length);
        foreach (var c in _term.Buffer.AsSpan(0, _term.Length))
        {
            if (c < '\u0080') continue;
            var folded = new char[_term.Length * 4];
            var length = ASCIIFoldingFilter.FoldToASCII(_term.Buffer, 0, folded, 0, _term.Length);
            _term.CopyBuffer(folded, 0, length);
            return;
        }
    }

    public override void End()
    {
        base.End();
        var skipped = _skipped;
        if (_useGeneral)
        {
            _general!.End();
            skipped = _general.GetAttribute<IPositionIncrementAttribute>().PositionIncrement;
        }
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
        _position.PositionIncrement += skipped;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _generalOpen)
        {
            _general!.Dispose();
            _generalOpen = false;
        }
        base.Dispose(disposing);
    }
}
