using System.Text;
using CchcPortal.Core.Data;
using CchcPortal.Core.Procedures;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// The national portal's list export (68 real rows of the 2,642, Fixtures/README.md: the first 10 of each source file
/// and the first 5 not in NFC) and its Excel layout with the header row found by content.
/// </summary>
public class ProcedureListImportTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private async Task<ProcedureImportReport> ImportAsync(byte[] file)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ProcedureFileImport>().ImportAsync(file, "test");
    }

    [Fact]
    public async Task The_real_list_imports_once_and_reimports_unchanged()
    {
        var csv = await File.ReadAllBytesAsync(TestData.Fixture("dvcqg-danh-sach-tthc-68.csv"));
        var first = await ImportAsync(csv);
        Assert.True(first.Succeeded, first.FileError ?? string.Join("\n", first.Rejected.Take(5).Select(r => $"{r.Row}: {r.Message}")));
        Assert.Equal(68, first.Added);
        var second = await ImportAsync(csv);
        Assert.Equal((0, 0, 68), (second.Added, second.Updated, second.Unchanged));

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var names = await db.Procedures.Select(p => p.Name + p.ExecutingAgency).ToListAsync();
        Assert.All(names, n => Assert.Equal(n.Normalize(NormalizationForm.FormC), n));
        // Multi-agency cells (embedded newlines: 13 of the 68 rows) become one "; "-separated line.
        Assert.DoesNotContain(await db.Procedures.Select(p => p.ExecutingAgency).ToListAsync(), a => a.Contains('\n'));
        Assert.Equal(13, await db.Procedures.CountAsync(p => p.ExecutingAgency.Contains("; ")));
    }

    [Fact]
    public async Task Excel_export_with_a_title_above_the_header_is_read_and_a_bad_row_rejects_the_file()
    {
        byte[] Workbook(params (string Code, string Name)[] rows)
        {
            using var book = new XLWorkbook();
            var sheet = book.Worksheets.Add("Sheet1");
            sheet.Cell(1, 1).Value = "DANH SÁCH THỦ TỤC HÀNH CHÍNH";
            sheet.Cell(2, 1).Value = "(Kèm theo kết quả tìm kiếm trên Cổng Dịch vụ công quốc gia)";
            string[] headers = ["STT", "Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"];
            for (var c = 0; c < headers.Length; c++) sheet.Cell(4, c + 1).Value = headers[c];
            for (var r = 0; r < rows.Length; r++)
            {
                sheet.Cell(5 + r, 1).Value = r + 1;
                sheet.Cell(5 + r, 2).Value = rows[r].Code;
                sheet.Cell(5 + r, 3).Value = rows[r].Name;
                sheet.Cell(5 + r, 5).Value = "Ủy ban nhân dân cấp xã\nBộ phận một cửa";
                sheet.Cell(5 + r, 6).Value = "Hộ tịch";
            }
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            return stream.ToArray();
        }

        var bad = await ImportAsync(Workbook(("1.001193", "Thủ tục đăng ký khai sinh"), ("1001193", "Sai mã")));
        Assert.False(bad.Succeeded);
        var issue = Assert.Single(bad.Rejected);
        Assert.Equal(6, issue.Row);
        Assert.Contains("không đúng dạng", issue.Message);

        var good = await ImportAsync(Workbook(("1.001193", "Thủ tục đăng ký khai sinh"), ("1.000656", "Thủ tục đăng ký khai tử")));
        Assert.True(good.Succeeded);
        Assert.Equal(2, good.Added);
        using var scope = _factory.Services.CreateScope();
        var p = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Procedures.SingleAsync(x => x.Code == "1.000656");
        Assert.Equal("Ủy ban nhân dân cấp xã; Bộ phận một cửa", p.ExecutingAgency);
        Assert.Equal("Hộ tịch", p.Field);
    }
}
