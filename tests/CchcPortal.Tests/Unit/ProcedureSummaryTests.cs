using System.IO.Compression;
using System.Text.Json;
using CchcPortal.Core.Procedures;
using CchcPortal.Tests.Integration;

namespace CchcPortal.Tests.Unit;

/// <summary>
/// The summary rules (online level, time limits, fees, dossier groups) on real national records of the seed
/// (content/seed/procedures, byte-for-byte records of dichvucong.gov.vn): birth and marriage registration,
/// a construction permit, and the records whose cells show each rule.
/// </summary>
public class ProcedureSummaryTests
{
    private static readonly Lazy<Dictionary<string, NationalRecord>> Records = new(() =>
    {
        using var gz = new GZipStream(File.OpenRead(TestData.Seed("procedures", "dvcqg-cap-tinh-cap-xa.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var records = new Dictionary<string, NationalRecord>();
        while (reader.ReadLine() is { } line)
            if (line.Trim().Length > 0 && JsonSerializer.Deserialize<NationalRecord>(line) is { Code: { } code } r) records[code] = r;
        return records;
    });

    private static Procedure Parse(string code)
    {
        var (procedure, error) = NationalRecordParser.Parse(Records.Value[code]);
        Assert.True(procedure is not null, error);
        return procedure!;
    }

    [Fact]
    public void Birth_registration_can_be_done_online_its_time_is_unclear_it_is_free_and_its_papers_depend_on_the_case()
    {
        var p = Parse("1.001193");
        // "Trực tuyến1Miễn phí…": the channels list online submission, the record names no level.
        Assert.Equal((OnlineLevel.Available, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"), OnlineAvailability.Derive(p));
        // "1" with no unit and no description in any channel: never shown as a bare number.
        Assert.Equal(new ChannelSummary(null, true), ProcedureSummary.Times(p.Channels));
        Assert.Equal(new ChannelSummary("miễn phí", false), ProcedureSummary.Fees(p.Channels));

        var dossier = ProcedureSummary.Dossier(p);
        Assert.Equal(new[] { "* Giấy tờ phải nộp:", "* Giấy tờ phải xuất trình:", "* Lưu ý:", "" }, dossier.Groups.Select(g => g.Heading));
        Assert.Equal(0, dossier.CaseCount);
        Assert.True(dossier.HasConditionalItems);
        Assert.Equal($"{dossier.RequiredCount} giấy tờ, thêm giấy tờ khác tùy trường hợp", dossier.Summary);
        Assert.InRange(dossier.RequiredCount, 1, p.DossierItems.Count / 2);
        Assert.DoesNotContain(p.DossierItems.Count.ToString(), dossier.Summary);
    }

    [Fact]
    public void Marriage_registration_fee_note_that_charges_for_copies_is_not_called_free()
    {
        var p = Parse("1.000894");
        Assert.Equal(OnlineLevel.Available, OnlineAvailability.Derive(p).Level);
        // "Miễn phí(Miễn lệ phí. Phí cấp bản sao Trích lục kết hôn (nếu có yêu cầu) thực hiện theo …)".
        Assert.Equal(new ChannelSummary(null, true), ProcedureSummary.Fees(p.Channels));
    }

    [Fact]
    public void Construction_permit_time_differs_per_channel_its_fee_is_set_by_the_province_and_its_dossier_is_per_case()
    {
        var p = Parse("1.013225");
        Assert.Equal(new ChannelSummary("Trực tiếp: 15 ngày; Trực tuyến: 20 ngày; Dịch vụ bưu chính: 20 ngày", false), ProcedureSummary.Times(p.Channels));
        // "Miễn phí(Theo quy định của Hội đồng nhân dân cấp tỉnh)": not free, not known.
        Assert.Equal(new ChannelSummary(null, true), ProcedureSummary.Fees(p.Channels));
        var dossier = ProcedureSummary.Dossier(p);
        Assert.True(dossier.CaseCount >= 2, string.Join(" | ", dossier.Groups.Select(g => g.Heading)));
        Assert.StartsWith("(1.1) Đối với công trình không theo tuyến", dossier.Groups.First(g => g.IsCase).Heading);
        Assert.Contains($"({dossier.CaseCount} trường hợp)", dossier.Summary);
    }

    [Fact]
    public void A_unit_missing_from_the_time_cell_is_read_from_the_description()
    {
        // Dịch vụ bưu chính "1" + "03 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ."; Trực tuyến "3 Ngày làm việc".
        var p = Parse("1.009671");
        Assert.Equal(new ChannelSummary("3 ngày làm việc", false), ProcedureSummary.Times(p.Channels));
        Assert.Equal("3 ngày làm việc", ProcedureText.TimeLimit(p.Channels.First(c => c.Kind == ChannelKind.Postal)));
        // "0 bản chính,1 bản sao" is a paper to bring; every row applies to everyone.
        Assert.Equal("3 giấy tờ", ProcedureSummary.Dossier(p).Summary);
        // Two figures in the description ("06 ngày làm việc và 30 ngày") and a bare "1": unclear.
        Assert.Null(ProcedureSummary.Times(Parse("1.014133").Channels).Text);
    }

    [Fact]
    public void Fees_in_thousands_are_trusted_only_when_the_note_writes_the_amount()
    {
        Assert.Equal(new ChannelSummary("8.000 đồng", false), ProcedureSummary.Fees(Parse("2.000635").Channels));
        Assert.Null(ProcedureSummary.Times(Parse("2.000635").Channels).Text); // "Không có thông tin"
        // "Trực tiếp120 VNĐ(20.000 đồng)": time 1, fee 20 in thousands, confirmed by the note.
        Assert.Equal("20.000 đồng", ProcedureSummary.Fees(Parse("1.007839").Channels).Text);
        Assert.Null(ProcedureSummary.FeeOf(new ProcedureChannel { Fee = "25 VNĐ", FeeNote = "Bằng 50% mức thu lệ phí" }));
        Assert.Equal("10 USD", ProcedureSummary.FeeOf(new ProcedureChannel { Fee = "10 USD" }));
        Assert.Equal("miễn phí", ProcedureSummary.FeeOf(new ProcedureChannel { Fee = "Miễn phí", FeeNote = "Không có" }));
    }

    [Fact]
    public void The_level_comes_from_the_procedure_name_and_no_online_channel_means_none()
    {
        Assert.Equal(OnlineLevel.Full, OnlineAvailability.Derive(Parse("1.013080")).Level);
        Assert.Equal(OnlineLevel.Partial, OnlineAvailability.Derive(Parse("1.013076")).Level);
        // Only "Trực tiếp7 Ngày…" (khai báo tạm trú bằng phiếu).
        Assert.Equal((OnlineLevel.None, ""), OnlineAvailability.Derive(Parse("1.000253")));
    }

    [Fact]
    public void The_meta_description_names_the_procedure_its_field_and_level()
    {
        var p = Parse("1.001193");
        p.OnlineLevel = OnlineLevel.Available;
        Assert.Equal("Thủ tục đăng ký khai sinh (mã 1.001193, lĩnh vực Hộ tịch, cấp xã): hồ sơ, thời hạn, phí, nơi nộp, nộp trực tuyến.", ProcedureSummary.MetaDescription(p));
        Assert.All(Records.Value.Keys.Take(200), code => Assert.InRange(ProcedureSummary.MetaDescription(Parse(code)).Length, 40, 230));
    }
}
