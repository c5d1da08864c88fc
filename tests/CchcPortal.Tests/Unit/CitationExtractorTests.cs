using System.Text;
using CchcPortal.Core.Documents;

namespace CchcPortal.Tests.Unit;

public class CitationExtractorTests
{
    [Fact]
    public void Full_reference_gives_type_number_date_and_issuer_with_its_span()
    {
        const string text = "Thực hiện Quyết định số 224/QĐ-UBND ngày 18/02/2019 của UBND tỉnh Quảng Ngãi ban hành Kế hoạch...";
        var c = Assert.Single(CitationExtractor.Extract(text));
        Assert.Equal(CitationKind.Numbered, c.Kind);
        Assert.Equal("Quyết định", c.TypeName);
        Assert.Equal("224/QĐ-UBND", c.Number!.Canonical);
        Assert.Equal(new DateOnly(2019, 2, 18), c.Date);
        Assert.Equal("UBND tỉnh Quảng Ngãi", c.Issuer);
        Assert.Equal("Quyết định số 224/QĐ-UBND ngày 18/02/2019 của UBND tỉnh Quảng Ngãi", c.Text);
        Assert.Equal(text.IndexOf("Quyết", StringComparison.Ordinal), c.Start);
        Assert.Equal(c.Text, text.Substring(c.Start, c.Length));
    }

    [Theory]
    [InlineData("Nghị quyết 17-NQ/TW ngày 11/8/2007 của Ban Chấp hành Trung ương Đảng (khóa X) về đẩy mạnh", "Nghị quyết", "17-NQ/TW", "Ban Chấp hành Trung ương Đảng")]
    [InlineData("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện", "Nghị định", "61/2018/NĐ-CP", "Chính phủ")]
    [InlineData("Chỉ thị số 27/CT-TTg ngày 27/10/2023 của Thủ tướng Chính phủ về đẩy mạnh", "Chỉ thị", "27/CT-TTg", "Thủ tướng Chính phủ")]
    [InlineData("Kế hoạch số 37/KH-UBND của UBND thành phố", "Kế hoạch", "37/KH-UBND", "UBND thành phố")]
    [InlineData("Thông tư số 01/2023/TT-BNV ngày 01/3/2023 của Bộ trưởng Bộ Nội vụ quy định", "Thông tư", "01/2023/TT-BNV", "Bộ trưởng Bộ Nội vụ")]
    [InlineData("Công văn số 1457/STTTT-TTBCXB ngày 02/11/2021 của Sở Thông tin và Truyền thông tỉnh Quảng Ngãi về việc", "Công văn", "1457/STTTT-TTBCXB", "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi")]
    [InlineData("Tờ trình số 190/TTr-SNV ngày 04/3/2021 của Giám đốc Sở Nội vụ.", "Tờ trình", "190/TTr-SNV", "Giám đốc Sở Nội vụ")]
    [InlineData("Luật số 80/2015/QH13 của Quốc hội", "Luật", "80/2015/QH13", "Quốc hội")]
    [InlineData("Thông tư số 216/2016/TT-BTC ngày 10/11/2016 của Bộ trưởng Bộ Tài chính hoặc thông báo", "Thông tư", "216/2016/TT-BTC", "Bộ trưởng Bộ Tài chính")]
    [InlineData("QUYẾT ĐỊNH SỐ 35/QĐ-BNV NGÀY 22/01/2024", "Quyết định", "35/QĐ-BNV", null)]
    public void Common_shapes(string text, string type, string number, string? issuer)
    {
        var c = Assert.Single(CitationExtractor.Extract(text));
        Assert.Equal(type, c.TypeName);
        Assert.Equal(number, c.Number!.Canonical);
        Assert.Equal(issuer, c.Issuer);
    }

    [Fact]
    public void Written_out_dates_are_read()
    {
        var c = Assert.Single(CitationExtractor.Extract("Căn cứ Nghị định số 06/2025/NĐ-CP ngày 08 tháng 01 năm 2025 của Chính phủ sửa đổi"));
        Assert.Equal(new DateOnly(2025, 1, 8), c.Date);
        Assert.Equal("Chính phủ", c.Issuer);
    }

    [Fact]
    public void Type_word_wins_over_a_mistyped_code()
    {
        // The Quảng Ngãi plan writes "Nghị định số 61/2018/NQ-CP": the document is a Nghị định.
        var c = Assert.Single(CitationExtractor.Extract("Nghị định số 61/2018/NQ-CP ngày 23/4/2018 của Chính phủ"));
        Assert.Equal("Nghị định", c.TypeName);
        Assert.Equal("NQ", c.Number!.TypeCode);
    }

    [Fact]
    public void Bare_numbers_are_found_and_typed_by_their_code()
    {
        var found = CitationExtractor.Extract("theo QĐ 876/QĐ-BNV và 76/NQ-CP; xem thêm 123/UBND-VP.");
        Assert.Equal(["876/QĐ-BNV", "76/NQ-CP", "123/UBND-VP"], found.Select(c => c.Number!.Canonical));
        Assert.Equal(["Quyết định", "Nghị quyết", "Công văn"], found.Select(c => c.TypeName));
    }

    [Theory]
    [InlineData("Đường dây nóng 0262.8552255 hoặc 0912 345 678, (0262) 3852255.")]
    [InlineData("báo cáo trước ngày 15/11/2019 (qua Phòng Văn hóa và Thông tin).")]
    [InlineData("Xem Phụ lục 1/2 và trang 3/10; điểm a khoản 1 Điều 5.")]
    [InlineData("phát 01 số/01 tháng; giai đoạn 2011 – 2020; 2021-2030; 24/7.")]
    [InlineData("theo tiêu chuẩn Quốc gia TCVN ISO 9001:2015 tại các cơ quan")]
    [InlineData("(Ban hành kèm theo Quyết định số /QĐ-UBND ngày /3/2021 của UBND tỉnh Đắk Lắk)")]
    [InlineData("tuyên truyền các Nghị quyết, Quyết định, Kế hoạch của Trung ương; chính sách pháp luật của Nhà nước")]
    [InlineData("Luật quy định rõ trách nhiệm; phổ biến pháp luật về CCHC")]
    [InlineData("địa chỉ <http://www.sonoivu.daklak.gov.vn/tin/12/KH-2021>")]
    [InlineData("Kế hoạch 2021-2025 của Chính phủ")]
    public void Not_fooled_by_numbers_that_are_not_documents(string text) =>
        Assert.Empty(CitationExtractor.Extract(text));

    [Fact]
    public void The_texts_own_number_in_its_header_is_not_a_citation()
    {
        Assert.Empty(CitationExtractor.Extract("\n\nSố: 37/KH-UBND\n\nTP. Quảng Ngãi, ngày 22 tháng 3 năm 2019"));
        Assert.Empty(CitationExtractor.Extract("Số: 37 /KH-UBND\n"));
        Assert.Single(CitationExtractor.Extract("Số: 37/KH-UBND\n\nThực hiện Kế hoạch số 93/KH-UBND ngày 29/6/2021"));
    }

    [Fact]
    public void Mentions_are_deduplicated_by_key_and_enriched()
    {
        const string text = "Nghị quyết số 76/NQ-CP; Quyết định số 1814/QĐ-UBND về thực hiện Nghị quyết số 76/nq-cp ngày 15/7/2021 của Chính phủ. Xem 76/NQ-CP.";
        var all = CitationExtractor.FindAll(text);
        Assert.Equal(4, all.Count);
        var found = CitationExtractor.Extract(text);
        Assert.Equal(2, found.Count);
        var resolution = found[0];
        Assert.Equal(3, resolution.Mentions);
        Assert.Equal(new DateOnly(2021, 7, 15), resolution.Date);
        Assert.Equal("Chính phủ", resolution.Issuer);
        Assert.Equal(0, resolution.Start);
    }

    [Fact]
    public void Named_laws_are_extracted_with_their_date()
    {
        const string text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;";
        var found = CitationExtractor.Extract(text);
        Assert.Equal(
            ["Luật Tổ chức chính quyền địa phương",
             "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
             "Luật Tổ chức Chính phủ"],
            found.Select(c => c.Name));
        Assert.All(found, c => Assert.Equal(CitationKind.Named, c.Kind));
        Assert.Equal(new DateOnly(2015, 6, 19), found[0].Date);
        Assert.Equal(new DateOnly(2019, 11, 22), found[1].Date);
        Assert.Equal(2, found[0].Mentions);
    }

    [Theory]
    [InlineData("theo quy định phân cấp ngân sách Nhà nước của Luật Ngân sách nhà nước; kinh phí", "Luật Ngân sách nhà nước")]
    [InlineData("thực hiện Luật Phòng, chống tham nhũng năm 2018 và các văn bản", "Luật Phòng, chống tham nhũng")]
    [InlineData("Luật Cán bộ, công chức và Luật Viên chức", "Luật Cán bộ, công chức")]
    [InlineData("theo Bộ luật Lao động, người lao động", "Bộ luật Lao động")]
    [InlineData("Luật Ban hành văn bản quy phạm pháp luật quy định", "Luật Ban hành văn bản quy phạm pháp luật")]
    [InlineData("Luật Đất đai đã quy định", "Luật Đất đai")]
    public void Law_names_end_where_the_sentence_goes_on(string text, string name) =>
        Assert.Equal(name, CitationExtractor.Extract(text)[0].Name);

    [Fact]
    public void A_named_law_with_its_number_is_one_citation_keyed_by_number()
    {
        var c = Assert.Single(CitationExtractor.Extract("Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22/6/2015"));
        Assert.Equal("Luật Ban hành văn bản quy phạm pháp luật", c.Name);
        Assert.Equal("80/2015/QH13", c.Number!.Canonical);
        Assert.Equal(c.Number.Key, c.Key);
        Assert.Equal(new DateOnly(2015, 6, 22), c.Date);
    }

    [Fact]
    public void Issuer_stops_before_the_next_citation()
    {
        var found = CitationExtractor.Extract(
            "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ và Nghị quyết số 08-NQ/TU ngày 22/4/2021 của Ban Chấp hành Đảng bộ tỉnh về CCHC");
        Assert.Equal(["Chính phủ", "Ban Chấp hành Đảng bộ tỉnh"], found.Select(c => c.Issuer));
    }

    [Fact]
    public void Numbers_glued_by_flattened_tables_or_footnotes_are_trimmed()
    {
        var found = CitationExtractor.Extract("Nghị định số 08/2020/NĐ-CP1 bản chính; Thông tư số 05/2025/TT-BTPMẫu đơn; Luật 11/2017/QH14");
        Assert.Equal(["08/2020/NĐ-CP", "05/2025/TT-BTP", "11/2017/QH14"], found.Select(c => c.Number!.Canonical));
    }

    [Fact]
    public void Html_and_markdown_around_references_do_not_hide_them()
    {
        var found = CitationExtractor.Extract("<li>- Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;</li><p>**Quyết định số 899/QĐ-TTg**</p>");
        Assert.Equal(["76/NQ-CP", "899/QĐ-TTg"], found.Select(c => c.Number!.Canonical));
    }

    [Fact]
    public void Offsets_index_the_nfc_text()
    {
        var text = "Căn cứ Quyết định số 224/QĐ-UBND.".Normalize(NormalizationForm.FormD);
        var c = Assert.Single(CitationExtractor.Extract(text));
        var nfc = text.Normalize(NormalizationForm.FormC);
        Assert.Equal("Quyết định số 224/QĐ-UBND", nfc.Substring(c.Start, c.Length));
    }

    [Fact]
    public void Empty_text_has_no_citations()
    {
        Assert.Empty(CitationExtractor.Extract(null));
        Assert.Empty(CitationExtractor.Extract(""));
    }
}
