using CchcPortal.Core.Documents;

namespace CchcPortal.Tests.Unit;

public class DocumentInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static DocumentInput Valid(string number = "61/2018/nd-cp", string type = "Nghị định") => new()
    {
        Number = number, DocType = type, Issuer = "Chính phủ", IssuedOn = new DateOnly(2018, 4, 23),
        EffectiveOn = new DateOnly(2018, 6, 21), Summary = "Về thực hiện cơ chế một cửa, một cửa liên thông",
    };

    private static Dictionary<string, string> Errors(DocumentInput input, out DocumentNumber? number) =>
        input.Validate(Today, out number).All.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(e => e.Value)));

    [Fact]
    public void A_valid_input_passes_and_gives_the_parsed_number()
    {
        Assert.Empty(Errors(Valid(), out var number));
        Assert.Equal("61/2018/NĐ-CP", number!.Canonical);
        var party = Valid("17-nq/tw", "Nghị quyết");
        party.IssuedOn = new DateOnly(2007, 8, 1);
        party.EffectiveOn = null;
        Assert.Empty(Errors(party, out var partyNumber));
        Assert.Equal("17-NQ/TW", partyNumber!.Canonical);
    }

    [Fact]
    public void The_type_follows_the_number_when_left_blank_and_must_match_its_code_otherwise()
    {
        var blank = Valid(type: "");
        Assert.Empty(Errors(blank, out _));
        Assert.Equal("Nghị định", blank.DocType);
        Assert.Equal("Loại văn bản “Quyết định” không khớp với số ký hiệu 61/2018/NĐ-CP: ký hiệu NĐ là Nghị định.", Errors(Valid(type: "Quyết định"), out _)["DocType"]);
        Assert.Equal("Loại văn bản đã chọn không có trong danh sách.", Errors(Valid(type: "Thư tình"), out _)["DocType"]);
        // A công văn has no code: any type may be chosen for it.
        var letter = Valid("1457/STTTT-TTBCXB", "Hướng dẫn");
        letter.IssuedOn = new DateOnly(2018, 10, 1);
        letter.EffectiveOn = null;
        Assert.Empty(Errors(letter, out _));
    }

    [Fact]
    public void Every_message_names_its_field()
    {
        var input = new DocumentInput { Number = "37/KH", Summary = new string('a', 1001), EffectiveOn = new DateOnly(2026, 1, 1), IssuedOn = new DateOnly(2026, 2, 1), Status = DocumentStatus.Replaced };
        var errors = Errors(input, out _);
        Assert.Equal("Số ký hiệu: thiếu cơ quan ban hành sau “KH” (ví dụ 224/QĐ-UBND).", errors["Number"]);
        Assert.Equal("Vui lòng nhập cơ quan ban hành.", errors["Issuer"]);
        Assert.Equal("Trích yếu dài tối đa 1.000 ký tự.", errors["Summary"]);
        Assert.Equal("Ngày hiệu lực không được trước ngày ban hành (01/02/2026).", errors["EffectiveOn"]);
        Assert.Equal("Văn bản bị thay thế: vui lòng nhập số ký hiệu của văn bản thay thế.", errors["ReplacedByNumber"]);
    }

    [Fact]
    public void Dates_stay_within_a_month_ahead_and_match_the_year_in_the_number()
    {
        var late = Valid();
        late.IssuedOn = Today.AddDays(31);
        Assert.Equal("Ngày ban hành phải từ 01/01/1945 đến 26/12/2026.", Errors(late, out _)["IssuedOn"]);
        var wrongYear = Valid();
        wrongYear.IssuedOn = new DateOnly(2019, 4, 23);
        Assert.Equal("Ngày ban hành (năm 2019) không khớp với năm 2018 trong số ký hiệu 61/2018/NĐ-CP.", Errors(wrongYear, out _)["IssuedOn"]);
        var noDate = Valid();
        noDate.IssuedOn = null;
        Assert.Equal("Vui lòng nhập ngày ban hành.", Errors(noDate, out _)["IssuedOn"]);
    }

    [Fact]
    public void A_blank_number_needs_the_unnumbered_mark_and_the_mark_needs_a_blank_number()
    {
        var blank = Valid(number: "", type: "Kế hoạch");
        blank.IssuedOn = null;
        blank.EffectiveOn = null;
        Assert.Contains("“Văn bản chưa có số”", Errors(blank, out _)["Number"]);
        blank.Unnumbered = true;
        Assert.Empty(Errors(blank, out var none));
        Assert.Null(none);
        var both = Valid();
        both.Unnumbered = true;
        Assert.StartsWith("Số ký hiệu: đã đánh dấu “Văn bản chưa có số” nhưng vẫn nhập số.", Errors(both, out _)["Number"]);
    }
}
