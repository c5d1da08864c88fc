using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// A <see cref="StringField"/> (one term, the whole value) whose token stream is one per thread, reused. Lucene's
/// own builds a new stream for each field of each document, with its attributes, maps and lists: a seventh of what
/// indexing allocated, for a handful of keys and filters per document. The writer reads a field's stream to the end
/// and disposes of it before it asks the next field for its own, on the same thread.
/// </summary>
internal sealed class KeywordField(string name, string value, Field.Store store)
    : Field(name, value, store == Field.Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
{
    [ThreadStatic] private static SingleTokenStream? t_stream;

    public override TokenStream GetTokenStream(Analyzer analyzer)
    {
        var stream = t_stream ??= new SingleTokenStream();
        stream.SetValue(GetStringValue());
        return stream;
    }

    private sealed class SingleTokenStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _value = "";
        private bool _used = true;

        public SingleTokenStream()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public void SetValue(string value) => _value = value;

        public override bool IncrementToken()
        {
            if (_used) return false;
            ClearAttributes();
            _term.Append(_value);
            _offset.SetOffset(0, _value.Length);
            _used = true;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_value.Length, _value.Length);
        }

        public override void Reset() => _used = false;
    }
}
