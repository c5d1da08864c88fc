using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Core.News.Statistics;
using CchcPortal.Web.Areas.Manager;
using ClosedXML.Excel;

namespace CchcPortal.Web.Features.News.Statistics;

/// <summary>
/// The statistics as an Excel workbook: one sheet per table of the page and one row per post (the basis of royalty
/// reports). Counts are numbers and dates are dates, so a spreadsheet can sum and filter them; texts are set as text,
/// never as formulas. Column widths are fixed: measuring text would need fonts the server may lack.
/// </summary>
public static class NewsStatisticsWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly string[] LineHeaders = ["Số bài", "Đã đăng", "Lượt xem"];

    public static byte[] Write(NewsStatisticsReport report)
    {
        using var book = new XLWorkbook();
        AddLines(book, "Theo tác giả", "Tác giả", report.PerAuthor);
        AddLines(book, "Theo chuyên mục", "Chuyên mục", report.PerCategory);
        AddLines(book, "Theo tháng", "Tháng", report.PerMonth.Select(m => m.Line));
        AddLines(book, "Theo trạng thái", "Trạng thái", report.PerStatus.Select(s => s.Line with { Label = StatusText.Of(s.Status) }));
        AddPosts(book, "Xem nhiều nhất", report.TopViewed);
        AddPosts(book, "Danh sách bài", report.Posts);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void AddLines(XLWorkbook book, string sheetName, string labelHeader, IEnumerable<StatisticsLine> lines)
    {
        var sheet = Start(book, sheetName, [labelHeader, .. LineHeaders]);
        var r = 2;
        foreach (var line in lines)
        {
            sheet.Cell(r, 1).SetValue(line.Label);
            sheet.Cell(r, 2).SetValue(line.Posts);
            sheet.Cell(r, 3).SetValue(line.Published);
            sheet.Cell(r, 4).SetValue(line.Views);
            r++;
        }
        sheet.Column(1).Width = 40;
        sheet.Columns(2, 4).Width = 12;
    }

    private static void AddPosts(XLWorkbook book, string sheetName, IEnumerable<PostStatistics> posts)
    {
        var sheet = Start(book, sheetName, ["Mã bài", "Tiêu đề", "Tác giả", "Chuyên mục", "Trạng thái", "Ngày đăng", "Lượt xem trong kỳ"]);
        var r = 2;
        foreach (var p in posts)
        {
            sheet.Cell(r, 1).SetValue(p.Id);
            sheet.Cell(r, 2).SetValue(p.Title);
            sheet.Cell(r, 3).SetValue(p.AuthorName);
            sheet.Cell(r, 4).SetValue(p.CategoryName);
            sheet.Cell(r, 5).SetValue(StatusText.Of(p.Status));
            if (p.PublishedAt is { } at)
            {
                sheet.Cell(r, 6).SetValue(VnFormat.ToLocal(at).Date);
                sheet.Cell(r, 6).Style.DateFormat.Format = "dd/mm/yyyy";
            }
            sheet.Cell(r, 7).SetValue(p.Views);
            r++;
        }
        sheet.Column(2).Width = 60;
        sheet.Columns(3, 5).Width = 24;
        sheet.Columns(6, 7).Width = 14;
    }

    private static IXLWorksheet Start(XLWorkbook book, string name, IReadOnlyList<string> headers)
    {
        var sheet = book.Worksheets.Add(name);
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).SetValue(headers[c]);
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        return sheet;
    }
}
