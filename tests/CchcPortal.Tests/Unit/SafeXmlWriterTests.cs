using System.Text;
using System.Xml;
using System.Xml.Linq;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using CchcPortal.Web.Features.Indices;

namespace CchcPortal.Tests.Unit;

/// <summary>Whatever stored text holds, what we write as XML (feeds, charts, XLSX) or vCard stays well-formed.</summary>
public class SafeXmlWriterTests
{
    private const string Dirty = "Sở\b Tư pháp\u0001 \uD800tỉnh\uFFFE Đắk Lắk\t😀";
    private const string Kept = "Sở Tư pháp tỉnh Đắk Lắk\t😀";

    [Fact]
    public void Text_and_attributes_are_written_without_the_characters_xml_cannot_carry()
    {
        var sb = new StringBuilder();
        using (var w = SafeXmlWriter.Create(sb))
        {
            w.WriteStartElement("item");
            w.WriteAttributeString("title", Dirty);
            w.WriteElementString("description", Dirty);
            w.WriteStartElement("chars");
            w.WriteChars(Dirty.ToCharArray(), 0, Dirty.Length);
            w.WriteEndElement();
            w.WriteCData(Dirty);
            w.WriteEndElement();
        }
        var item = XDocument.Parse(sb.ToString()).Root!;
        Assert.Equal(Kept, item.Attribute("title")!.Value);
        Assert.Equal(Kept, item.Element("description")!.Value);
        Assert.Equal(Kept, item.Element("chars")!.Value);
        Assert.Equal(Kept, item.Nodes().OfType<XCData>().Single().Value);
    }

    [Fact]
    public void Strip_keeps_valid_text_as_it_is()
    {
        const string valid = "Thủ tục\r\n\thành chính 👨\u200D👩 \uFFFD";
        Assert.Same(valid, SafeXmlWriter.Strip(valid));
        Assert.Equal(Kept, SafeXmlWriter.Strip(Dirty));
    }

    [Fact]
    public void A_chart_label_with_a_control_character_is_drawn()
    {
        var svg = SvgChart.HorizontalBars("c", "Điểm\b theo lĩnh vực", "Mô tả\u0001", [new ChartBar(Dirty, 80m)], 100m, "");
        var root = XElement.Parse(svg);
        Assert.Contains(root.Descendants(), e => e.Name.LocalName == "text" && e.Value.StartsWith("Sở Tư pháp"));
    }

    // ClosedXML escapes such characters itself (_x0008_): a guard, not a fix.
    [Fact]
    public void An_xlsx_export_of_text_holding_control_characters_opens()
    {
        var bytes = TabularFile.WriteXlsx("Danh bạ", ["ten"], [new Dictionary<string, string> { ["ten"] = Dirty }]);
        var (table, error) = TabularFile.Read(bytes, ["ten"]);
        Assert.Null(error);
        Assert.Equal(Kept, table!.Rows.Single()["ten"]);
    }

    [Fact]
    public void A_vcard_carries_no_control_character_and_no_line_break_from_a_name()
    {
        var agency = new Agency { Name = "Sở Tư pháp\r\nTEL:0000\rNOTE:x\b", Slug = "stp" };
        var card = VCard.For(agency, "https://cchc.example/co-quan/stp");
        var lines = card.Replace("\r\n ", "").Split("\r\n");
        Assert.Contains("FN:Sở Tư pháp\\nTEL:0000\\nNOTE:x", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("TEL:0000"));
        Assert.DoesNotContain('\b', card);
        Assert.DoesNotContain('\r', card.Replace("\r\n", ""));
    }

    [Fact]
    public void The_inner_settings_are_kept()
    {
        var sb = new StringBuilder();
        using (var w = SafeXmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
            w.WriteElementString("a", "b\u0008");
        Assert.Equal("<a>b</a>", sb.ToString());
    }
}
