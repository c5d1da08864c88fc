using System.Text;
using CchcPortal.Core.Documents;

namespace CchcPortal.Tests.Unit;

public class DocumentNumberTests
{
    [Theory]
    // written, canonical, number, year, code, issuer, type name
    [InlineData("37/KH-UBND", "37/KH-UBND", 37, null, "KH", "UBND", "Kế hoạch")]
    [InlineData("Số: 37 /KH-UBND", "37/KH-UBND", 37, null, "KH", "UBND", "Kế hoạch")]
    [InlineData("224/QĐ-UBND", "224/QĐ-UBND", 224, null, "QĐ", "UBND", "Quyết định")]
    [InlineData("số 224/qđ-ubnd", "224/QĐ-UBND", 224, null, "QĐ", "UBND", "Quyết định")]
    [InlineData("224/QD-UBND", "224/QĐ-UBND", 224, null, "QĐ", "UBND", "Quyết định")]
    [InlineData("76/NQ-CP", "76/NQ-CP", 76, null, "NQ", "CP", "Nghị quyết")]
    [InlineData("30c/NQ-CP", "30c/NQ-CP", 30, null, "NQ", "CP", "Nghị quyết")]
    [InlineData("61/2018/NĐ-CP", "61/2018/NĐ-CP", 61, 2018, "NĐ", "CP", "Nghị định")]
    [InlineData("61/2018/nd-cp", "61/2018/NĐ-CP", 61, 2018, "NĐ", "CP", "Nghị định")]
    [InlineData("17-NQ/TW", "17-NQ/TW", 17, null, "NQ", "TW", "Nghị quyết")]
    [InlineData("17 – NQ/TW", "17-NQ/TW", 17, null, "NQ", "TW", "Nghị quyết")]
    [InlineData("125-KH/TU", "125-KH/TU", 125, null, "KH", "TU", "Kế hoạch")]
    [InlineData("27/CT-TTg", "27/CT-TTg", 27, null, "CT", "TTg", "Chỉ thị")]
    [InlineData("27/CT-TTG", "27/CT-TTg", 27, null, "CT", "TTg", "Chỉ thị")]
    [InlineData("1291/QĐ-TTg", "1291/QĐ-TTg", 1291, null, "QĐ", "TTg", "Quyết định")]
    [InlineData("01/2023/TT-BNV", "01/2023/TT-BNV", 1, 2023, "TT", "BNV", "Thông tư")]
    [InlineData("35/QĐ-BNV", "35/QĐ-BNV", 35, null, "QĐ", "BNV", "Quyết định")]
    [InlineData("123/TTr-SNV", "123/TTr-SNV", 123, null, "TTr", "SNV", "Tờ trình")]
    [InlineData("190/ttr-snv", "190/TTr-SNV", 190, null, "TTr", "SNV", "Tờ trình")]
    [InlineData("456/STTTT-TTBCXB", "456/STTTT-TTBCXB", 456, null, null, "STTTT-TTBCXB", "Công văn")]
    [InlineData("123/UBND-VP", "123/UBND-VP", 123, null, null, "UBND-VP", "Công văn")]
    [InlineData("80/2015/QH13", "80/2015/QH13", 80, 2015, null, "QH13", "Luật")]
    [InlineData("01/2015/TTLT-BNV-BTC", "01/2015/TTLT-BNV-BTC", 1, 2015, "TTLT", "BNV-BTC", "Thông tư liên tịch")]
    [InlineData("33/2018/QĐ-UBND", "33/2018/QĐ-UBND", 33, 2018, "QĐ", "UBND", "Quyết định")]
    [InlineData("08-NQ/TU", "08-NQ/TU", 8, null, "NQ", "TU", "Nghị quyết")]
    [InlineData("21-KL/TW", "21-KL/TW", 21, null, "KL", "TW", "Kết luận")]
    [InlineData("12/TB-UBND", "12/TB-UBND", 12, null, "TB", "UBND", "Thông báo")]
    [InlineData("45/BC-UBND", "45/BC-UBND", 45, null, "BC", "UBND", "Báo cáo")]
    [InlineData("07/HD-SNV", "07/HD-SNV", 7, null, "HD", "SNV", "Hướng dẫn")]
    [InlineData("876/QĐ-BNV", "876/QĐ-BNV", 876, null, "QĐ", "BNV", "Quyết định")]
    [InlineData("1457/STTTT-TTBCXB", "1457/STTTT-TTBCXB", 1457, null, null, "STTTT-TTBCXB", "Công văn")]
    [InlineData("918/QĐ-UBND", "918/QĐ-UBND", 918, null, "QĐ", "UBND", "Quyết định")]
    [InlineData("73/2023/NĐ-CP", "73/2023/NĐ-CP", 73, 2023, "NĐ", "CP", "Nghị định")]
    public void Real_forms_parse(string written, string canonical, int number, int? year, string? code, string issuer, string typeName)
    {
        Assert.True(DocumentNumber.TryParse(written, out var n, out var error), error);
        Assert.Equal(canonical, n!.Canonical);
        Assert.Equal(number, n.Number);
        Assert.Equal(year, n.Year);
        Assert.Equal(code, n.TypeCode);
        Assert.Equal(issuer, n.Issuer);
        Assert.Equal(typeName, n.TypeName);
    }

    [Theory]
    [InlineData("224/QĐ-UBND", "224/qđ-ubnd")]
    [InlineData("224/QĐ-UBND", "224/QD-UBND")]
    [InlineData("224/QĐ-UBND", "Số: 224 / QĐ - UBND")]
    [InlineData("07/CT-TTg", "7/CT-TTG")]
    [InlineData("61/2018/NĐ-CP", "61/2018/ND-CP")]
    [InlineData("17-NQ/TW", "17‐nq/tw")]
    public void Spellings_of_one_number_share_a_key(string a, string b) =>
        Assert.Equal(DocumentNumber.Parse(a).Key, DocumentNumber.Parse(b).Key);

    [Theory]
    [InlineData("224/QĐ-UBND", "224/QĐ-BNV")]
    [InlineData("224/QĐ-UBND", "225/QĐ-UBND")]
    [InlineData("61/2018/NĐ-CP", "61/2019/NĐ-CP")]
    [InlineData("30/NQ-CP", "30c/NQ-CP")]
    [InlineData("17-NQ/TW", "17/NQ-TW")]
    public void Different_documents_have_different_keys(string a, string b) =>
        Assert.NotEqual(DocumentNumber.Parse(a).Key, DocumentNumber.Parse(b).Key);

    [Fact]
    public void Decomposed_input_is_normalised_to_nfc()
    {
        var decomposed = "224/QĐ-UBND".Normalize(NormalizationForm.FormD);
        var n = DocumentNumber.Parse(decomposed);
        Assert.Equal("224/QĐ-UBND", n.Canonical);
        Assert.True(n.Canonical.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("", "Chưa nhập số ký hiệu")]
    [InlineData("   ", "Chưa nhập số ký hiệu")]
    [InlineData("/KH-UBND", "Thiếu số thứ tự")]
    [InlineData("Số: /QĐ-UBND", "Thiếu số thứ tự")]
    [InlineData("KH-UBND", "phải bắt đầu bằng số thứ tự")]
    [InlineData("37KH-UBND", "Thiếu dấu “/”")]
    [InlineData("37", "Thiếu ký hiệu")]
    [InlineData("37/", "Thiếu ký hiệu sau dấu “/”")]
    [InlineData("0/QĐ-UBND", "lớn hơn 0")]
    [InlineData("61/18/NĐ-CP", "Năm ban hành “18” không hợp lệ")]
    [InlineData("61/1800/NĐ-CP", "Năm ban hành “1800” không hợp lệ")]
    [InlineData("61/2018/NĐ/CP", "quá nhiều dấu “/”")]
    [InlineData("224/QĐ", "Thiếu cơ quan ban hành sau “QĐ”")]
    [InlineData("224/QĐ--UBND", "dấu “-” thừa")]
    [InlineData("18/02/2019", "Năm ban hành “02” không hợp lệ")]
    [InlineData("1/2", "Ký hiệu “2” không hợp lệ")]
    [InlineData("224/QĐ-UBND#", "ký tự không hợp lệ: “#”")]
    [InlineData("17-XY/TW", "Không nhận ra loại văn bản “XY”")]
    [InlineData("17-NQ", "Thiếu dấu “/” trước cơ quan ban hành")]
    public void Invalid_numbers_get_a_vietnamese_reason(string written, string expected)
    {
        Assert.False(DocumentNumber.TryParse(written, out var n, out var error));
        Assert.Null(n);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Too_long_is_refused()
    {
        Assert.False(DocumentNumber.TryParse("1/" + new string('A', 70), out _, out var error));
        Assert.Contains("quá dài", error);
    }

    [Fact]
    public void Parse_throws_with_the_reason() =>
        Assert.Contains("Thiếu số thứ tự", Assert.Throws<FormatException>(() => DocumentNumber.Parse("/KH-UBND")).Message);

    [Theory]
    [InlineData("QĐ", "Quyết định")]
    [InlineData("qd", "Quyết định")]
    [InlineData("HD", "Hướng dẫn")]
    [InlineData("HĐ", "Hợp đồng")]
    [InlineData("DA", "Dự án")]
    [InlineData("ĐA", "Đề án")]
    [InlineData("TTR", "Tờ trình")]
    [InlineData("QYD", "Quy định")]
    public void Type_codes_map_to_names(string code, string name) => Assert.Equal(name, DocumentTypes.FromCode(code)!.Name);

    [Fact]
    public void Type_names_for_the_editor_include_the_common_ones()
    {
        foreach (var name in new[] { "Nghị quyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Công văn", "Thông tư", "Nghị định", "Luật", "Thông báo", "Tờ trình", "Báo cáo", "Hướng dẫn" })
            Assert.Contains(name, DocumentTypes.Names);
        Assert.Equal(DocumentTypes.Names.Count, DocumentTypes.Names.Distinct().Count());
    }

    [Theory]
    [InlineData("18/02/2019", 2019, 2, 18)]
    [InlineData("7/12/2018", 2018, 12, 7)]
    [InlineData("ngày 18 tháng 02 năm 2019", 2019, 2, 18)]
    [InlineData("18-02-2019", 2019, 2, 18)]
    public void Dates_parse(string written, int y, int m, int d)
    {
        Assert.True(DocumentDate.TryParse(written, out var date, out var error), error);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/2019", "không có trên lịch")]
    [InlineData("/3/2021", "không đúng định dạng")]
    [InlineData("", "Chưa nhập ngày")]
    public void Bad_dates_get_a_reason(string written, string expected)
    {
        Assert.False(DocumentDate.TryParse(written, out _, out var error));
        Assert.Contains(expected, error);
    }
}
