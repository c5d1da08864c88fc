using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CchcPortal.Core.Common;

/// <summary>
/// An XmlWriter that leaves out the characters XML 1.0 cannot carry (controls such as U+0008, lone surrogates,
/// U+FFFE/U+FFFF) instead of throwing, so that a feed, sitemap or chart built from stored text is always well-formed,
/// even from text stored before input was cleaned. Everything else is passed to the inner writer as it is.
/// </summary>
public sealed class SafeXmlWriter(XmlWriter inner) : XmlWriter
{
    public static new XmlWriter Create(StringBuilder output, XmlWriterSettings? settings = null) =>
        new SafeXmlWriter(XmlWriter.Create(output, settings ?? new XmlWriterSettings()));

    /// <summary>The element as <c>XElement.ToString(SaveOptions.DisableFormatting)</c> writes it, without the characters XML cannot carry.</summary>
    public static string ToXmlString(XElement element)
    {
        var sb = new StringBuilder();
        using (var w = Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
            element.WriteTo(w);
        return sb.ToString();
    }

    /// <summary>The text without the characters XML 1.0 cannot carry (tab, line feed and carriage return stay).</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var width = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]) ? 2 : 1;
            var valid = width == 2 || XmlConvert.IsXmlChar(text[i]);
            if (!valid) sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            else sb?.Append(text, i, width);
            i += width - 1;
        }
        return sb?.ToString() ?? text;
    }

    public override WriteState WriteState => inner.WriteState;
    public override XmlWriterSettings? Settings => inner.Settings;
    public override void Flush() => inner.Flush();
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteString(string? text) => inner.WriteString(Strip(text));
    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));
    public override void WriteCData(string? text) => inner.WriteCData(Strip(text));
    public override void WriteComment(string? text) => inner.WriteComment(Strip(text));
    public override void WriteRaw(string data) => inner.WriteRaw(Strip(data));
    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(new string(buffer, index, count));
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    public override void WriteCharEntity(char ch)
    {
        if (XmlConvert.IsXmlChar(ch)) inner.WriteCharEntity(ch);
    }

    public override void WriteSurrogateCharEntity(char lowChar, char highChar)
    {
        if (XmlConvert.IsXmlSurrogatePair(lowChar, highChar)) inner.WriteSurrogateCharEntity(lowChar, highChar);
    }

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, Strip(text));

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
