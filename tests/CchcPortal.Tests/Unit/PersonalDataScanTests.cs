using CchcPortal.Core.Questions;

namespace CchcPortal.Tests.Unit;

public class PersonalDataScanTests
{
    [Theory]
    [InlineData("Nhà tôi ở 12 Lê Duẩn, phường Tân Lợi.", "Nhà tôi ở [đã ẩn địa chỉ], phường Tân Lợi.")]
    [InlineData("Tôi ở số 5 ngõ 12 phố Huế, xin hỏi.", "Tôi ở [đã ẩn địa chỉ], xin hỏi.")]
    [InlineData("Số nhà 34, tổ 3, phường Ea Tam.", "[đã ẩn địa chỉ], phường Ea Tam.")]
    [InlineData("Nhà cuối kiệt 45 gần chợ.", "Nhà cuối [đã ẩn địa chỉ] gần chợ.")]
    [InlineData("Tôi ở hẻm 12/3 đường Nguyễn Tất Thành.", "Tôi ở [đã ẩn địa chỉ].")]
    [InlineData("CCCD của tôi là 066190001234.", "CCCD của tôi là [đã ẩn số giấy tờ].")]
    [InlineData("Căn cước 066 190 001 234 cấp năm 2021.", "Căn cước [đã ẩn số giấy tờ] cấp năm 2021.")]
    [InlineData("CMND số 241.234.567 đã hết hạn.", "CMND số [đã ẩn số giấy tờ] đã hết hạn.")]
    [InlineData("Gọi 0987 654 321 hoặc viết lan@example.vn.", "Gọi [đã ẩn số điện thoại] hoặc viết [đã ẩn thư điện tử].")]
    public void The_first_redaction_masks_addresses_ID_numbers_phones_and_emails(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScan.Redact(text));

    [Theory]
    [InlineData("Theo Nghị định 61/2018/NĐ-CP và Nghị định số 104/2022/NĐ-CP, năm 2024 tôi nộp hồ sơ.")]
    [InlineData("Lệ phí 15.000.000 đồng, có trường hợp 150.000.000 đồng hoặc 1.500.000.000 đồng.")]
    [InlineData("Điều 12 Luật Đất đai và khoản 2 Điều 5 Thông tư 01/2024/TT-BTP quy định rõ.")]
    [InlineData("Ngày 12/05/2024 tôi nộp, hẹn ngày 15 Tháng Sáu; quyết định 123/QĐ-UBND.")]
    [InlineData("Tôi ở phường Buôn Ma Thuột, hỏi thủ tục tại Sở Tư pháp.")]
    public void The_redaction_leaves_dates_years_amounts_and_legal_references(string text) =>
        Assert.Equal(text, PersonalDataScan.Redact(text));

    private static QuestionCase Case() => new()
    {
        Title = "Hỏi về đăng ký khai sinh", SubmitterName = "Nguyễn Thị Lan", SubmitterPhone = "0912 345 678",
        SubmitterEmail = "lan@example.vn", ConsentToPublish = true,
    };

    [Theory]
    [InlineData("<p>Chào bà Lan,</p><p>Sở trả lời như sau.</p>", "bà Lan")]
    [InlineData("<p>Kính gửi: chào bà nguyễn thị lan, Sở trả lời.</p>", "nguyễn thị lan")]
    [InlineData("<p>Chao ba NGUYEN THI LAN.</p>", "NGUYEN THI LAN")]
    public void A_warning_names_the_asker_found_in_the_answer(string answer, string found)
    {
        var warning = Assert.Single(PersonalDataScan.Warnings(Case(), "Xin hỏi thủ tục.", answer));
        Assert.Equal((PersonalDataScan.Answer, "họ tên người gửi", found), (warning.Place, warning.Kind, warning.Found));
        Assert.Equal($"Phần trả lời: họ tên người gửi “{found}”.", warning.Message);
    }

    [Fact]
    public void Warnings_say_what_was_found_and_where()
    {
        var warnings = PersonalDataScan.Warnings(Case(),
            "Tôi ở 12 Lê Duẩn, số 0912.345.678, CCCD 066190001234, thư lan@example.vn, hỏi giúp chị Hoa.",
            "<p>Đề nghị liên hệ anh Minh 0262 3852 255 hoặc <a href=\"mailto:x@so.gov.vn\">x@so.gov.vn</a>.</p>");
        var found = warnings.Select(w => (w.Place, w.Kind, w.Found)).ToList();
        Assert.Contains((PersonalDataScan.Question, "địa chỉ", "12 Lê Duẩn"), found);
        Assert.Contains((PersonalDataScan.Question, "số điện thoại của người gửi", "0912.345.678"), found);
        Assert.Contains((PersonalDataScan.Question, "số giống số CCCD/CMND", "066190001234"), found);
        Assert.Contains((PersonalDataScan.Question, "thư điện tử của người gửi", "lan@example.vn"), found);
        Assert.Contains((PersonalDataScan.Answer, "số điện thoại", "0262 3852 255"), found);
        Assert.Contains((PersonalDataScan.Answer, "thư điện tử", "x@so.gov.vn"), found);
        Assert.DoesNotContain(warnings, w => w.Kind == "họ tên người gửi");
    }

    [Fact]
    public void A_clean_public_part_gives_no_warning()
    {
        var c = Case();
        Assert.Empty(PersonalDataScan.Warnings(c, PersonalDataScan.Redact("Tôi ở 12 Lê Duẩn, ĐT 0912 345 678, xin hỏi khai sinh có cần sổ hộ khẩu?"),
            "<p>Theo Nghị định 104/2022/NĐ-CP, Điều 12 Luật Hộ tịch, lệ phí 15.000.000 đồng năm 2024: không cần sổ hộ khẩu. Bà con liên hệ bộ phận một cửa.</p>"));
    }
}
