using System.Text;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

public class DirectoryFormatTests
{
    [Fact]
    public void Hotline_cell_round_trips_and_keeps_the_featured_mark()
    {
        var (hotlines, error) = AgencyTable.ParseHotlines("*Chương trình “Dân hỏi – Thủ trưởng trả lời”: 0262.8552255 | Tiếp nhận phản ánh, kiến nghị: 0262 3 852 255");
        Assert.Null(error);
        Assert.Equal(2, hotlines.Count);
        Assert.True(hotlines[0].IsFeatured);
        Assert.Equal("Chương trình “Dân hỏi – Thủ trưởng trả lời”", hotlines[0].Purpose);
        Assert.Equal("0262.8552255", hotlines[0].Number);
        Assert.False(hotlines[1].IsFeatured);
        Assert.Equal("Tiếp nhận phản ánh, kiến nghị", hotlines[1].Purpose);
        var formatted = AgencyTable.FormatHotlines(hotlines.Select((h, i) => new AgencyHotline { Purpose = h.Purpose!, Number = h.Number!, IsFeatured = h.IsFeatured, SortOrder = i }));
        Assert.Equal("*Chương trình “Dân hỏi – Thủ trưởng trả lời”: 0262.8552255 | Tiếp nhận phản ánh, kiến nghị: 0262 3 852 255", formatted);
    }

    [Fact]
    public void Hotline_cell_without_purpose_is_an_error()
    {
        var (_, error) = AgencyTable.ParseHotlines("0262.8552255");
        Assert.Contains("Mục đích: số điện thoại", error);
    }

    [Fact]
    public void VCard_is_valid_3_0_with_e164_numbers_and_folded_lines()
    {
        var agency = new Agency
        {
            Name = "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk, cơ sở 1; tầng 2", Slug = "tt", Phone = "0262.3852290",
            Email = "tt@example.gov.vn", Address = "Số 09 Lê Duẩn, phường Buôn Ma Thuột, tỉnh Đắk Lắk, Việt Nam, một địa chỉ rất dài để phải gấp dòng",
            WorkingHours = "Sáng 7h00–11h30", Hotlines = [new AgencyHotline { Purpose = "Hỗ trợ", Number = "1900 1234" }],
        };
        var card = VCard.For(agency, "https://cchc.example/co-quan/tt");
        var lines = card.Split("\r\n");
        Assert.Equal("BEGIN:VCARD", lines[0]);
        Assert.Equal("VERSION:3.0", lines[1]);
        Assert.Equal("", lines[^1]);
        Assert.Equal("END:VCARD", lines[^2]);
        Assert.DoesNotContain('\n', card.Replace("\r\n", ""));
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"line too long: {l}"));
        var unfolded = card.Replace("\r\n ", "");
        Assert.Contains("FN:Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk\\, cơ sở 1\\; tầng 2\r\n", unfolded);
        Assert.Contains("TEL;TYPE=WORK,VOICE:+842623852290\r\n", unfolded);
        Assert.Contains("TEL;TYPE=WORK,VOICE,PREF:19001234\r\n", unfolded);
        Assert.Contains("EMAIL;TYPE=INTERNET,WORK:tt@example.gov.vn\r\n", unfolded);
    }

    [Fact]
    public void Xlsx_header_row_is_found_by_content_below_a_title()
    {
        using var book = new ClosedXML.Excel.XLWorkbook();
        var sheet = book.Worksheets.Add("DS");
        sheet.Cell(1, 1).Value = "DANH BẠ CƠ QUAN (xuất ngày 26/11/2026)";
        sheet.Cell(3, 1).Value = "ten";
        sheet.Cell(3, 2).Value = "cap";
        sheet.Cell(4, 1).Value = "Sở Nội vụ";
        sheet.Cell(4, 2).Value = "tinh";
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        var (table, error) = TabularFile.Read(stream.ToArray(), ["ten", "cap"]);
        Assert.Null(error);
        Assert.Single(table!.Rows);
        Assert.Equal(4, table.Rows[0].RowNumber);
        Assert.Equal("Sở Nội vụ", table.Rows[0]["ten"]);
    }

    [Fact]
    public void Unreadable_files_get_a_message_not_an_exception()
    {
        var (table, error) = TabularFile.Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], ["ten"]);
        Assert.Null(table);
        Assert.Contains("Excel", error);
        var (csv, csvError) = TabularFile.Read(Encoding.UTF8.GetBytes("a,b\n1,2\n"), ["ten", "cap"]);
        Assert.Null(csv);
        Assert.Contains("thiếu cột bắt buộc: ten, cap", csvError);
    }
}
