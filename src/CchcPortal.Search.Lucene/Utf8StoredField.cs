using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// A long stored text (a body, a summary) kept as UTF-8 bytes that are encoded only when the writer stores them, into
/// one buffer per thread. Lucene's string path encodes each value into a new array sized for three bytes a character:
/// for a procedure's body, the largest single allocation of indexing. The writer copies the bytes at once.
/// </summary>
public sealed class Utf8StoredField(string name, string text) : Field(name, new BytesRef(), StoredField.TYPE)
{
    [ThreadStatic] private static BytesRef? t_buffer;

    public override BytesRef GetBinaryValue()
    {
        var buffer = t_buffer ??= new BytesRef(4096);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (buffer.Bytes.Length < length) buffer.Bytes = new byte[Math.Max(length, buffer.Bytes.Length * 2)];
        buffer.Length = Encoding.UTF8.GetBytes(text, buffer.Bytes);
        return buffer;
    }

    /// <summary>The text of a field stored this way, or "" when the document has none.</summary>
    public static string Read(LuceneDocument doc, string name) =>
        doc.GetBinaryValue(name) is { } bytes ? Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length) : "";
}
