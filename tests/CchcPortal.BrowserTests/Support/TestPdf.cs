using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace CchcPortal.BrowserTests.Support;

/// <summary>A small real PDF (one page of text, made with PDFsharp, which the portal's sanitizer also reads).</summary>
public static class TestPdf
{
    public const string PageText = "Cong van tra loi ve ho tich";

    public static byte[] OnePage()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        var font = new PdfDictionary(document);
        font.Elements["/Type"] = new PdfName("/Font");
        font.Elements["/Subtype"] = new PdfName("/Type1");
        font.Elements["/BaseFont"] = new PdfName("/Helvetica");
        var fonts = new PdfDictionary(document);
        fonts.Elements["/F1"] = font;
        var resources = new PdfDictionary(document);
        resources.Elements["/Font"] = fonts;
        page.Elements["/Resources"] = resources;
        page.Contents.AppendContent().CreateStream(Encoding.ASCII.GetBytes($"BT /F1 14 Tf 72 720 Td ({PageText}) Tj ET"));
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
