using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcPortal.Core.Common;

/// <summary>One data row of an imported table: its row number as the user sees it (header = row 1) and its cells by column name.</summary>
public sealed record TableRow(int RowNumber, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";
}

public sealed record TableData(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows);

/// <summary>
/// Reads and writes simple tables as CSV or XLSX. The format is decided by the file's bytes (XLSX is a ZIP),
/// not by its name; the header row of a sheet is found by content (the first row holding the required columns).
/// </summary>
public static class TabularFile
{
    public const int MaxRows = 20_000;

    public static bool LooksLikeXlsx(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;

    /// <summary>Reads a table; returns null and a Vietnamese message when the file cannot be read as CSV or XLSX.</summary>
    /// <param name="aliases">Other names of a column (e.g. the portal export's "Mã số" for our "ma_so"), matched after lower-casing.</param>
    public static (TableData? Table, string? Error) Read(byte[] content, IReadOnlyCollection<string> requiredColumns, IReadOnlyDictionary<string, string>? aliases = null)
    {
        if (content.Length == 0) return (null, "Tệp rỗng.");
        string Canonical(string header)
        {
            var h = NormalizeHeader(header);
            return aliases is not null && aliases.TryGetValue(h, out var c) ? c : h;
        }
        try
        {
            return LooksLikeXlsx(content) ? ReadXlsx(content, requiredColumns, Canonical) : ReadCsv(content, requiredColumns, Canonical);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Uploaded files are untrusted: any parser failure becomes a message, never a stack trace.
            return (null, LooksLikeXlsx(content)
                ? "Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx."
                : "Không đọc được tệp. Hãy dùng tệp CSV (UTF-8) hoặc Excel (.xlsx) theo mẫu xuất từ hệ thống.");
        }
    }

    private static (TableData?, string?) ReadCsv(byte[] content, IReadOnlyCollection<string> required, Func<string, string> canonical)
    {
        var text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"], BadDataFound = null, MissingFieldFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader()) return (null, "Tệp không có dòng tiêu đề.");
        var headers = csv.HeaderRecord!.Select(canonical).ToList();
        var missing = required.Where(r => !headers.Contains(r)).ToList();
        if (missing.Count > 0) return (null, MissingColumns(missing));
        var rows = new List<TableRow>();
        while (csv.Read())
        {
            if (rows.Count >= MaxRows) return (null, $"Tệp có quá {MaxRows:N0} dòng.");
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < headers.Count; i++)
                cells[headers[i]] = VietnameseText.NormalizeLines(csv.GetField(i) ?? "").Trim();
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new TableRow(csv.Parser.RawRow, cells));
        }
        return (new TableData(headers, rows), null);
    }

    private static (TableData?, string?) ReadXlsx(byte[] content, IReadOnlyCollection<string> required, Func<string, string> canonical)
    {
        using var stream = new MemoryStream(content);
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null) return (null, "Trang tính đầu tiên không có dữ liệu.");
        var lastRow = used.LastRow().RowNumber();
        var lastColumn = used.LastColumn().ColumnNumber();
        int? headerRow = null;
        List<string> headers = [];
        for (var r = 1; r <= Math.Min(lastRow, 20) && headerRow is null; r++)
        {
            var candidate = Enumerable.Range(1, lastColumn).Select(c => canonical(sheet.Cell(r, c).GetString())).ToList();
            if (required.All(candidate.Contains)) { headerRow = r; headers = candidate; }
        }
        if (headerRow is null) return (null, MissingColumns(required));
        if (lastRow - headerRow > MaxRows) return (null, $"Tệp có quá {MaxRows:N0} dòng.");
        var rows = new List<TableRow>();
        for (var r = headerRow.Value + 1; r <= lastRow; r++)
        {
            var cells = new Dictionary<string, string>();
            for (var c = 1; c <= headers.Count; c++)
                if (headers[c - 1].Length > 0) cells[headers[c - 1]] = VietnameseText.NormalizeLines(sheet.Cell(r, c).GetFormattedString()).Trim();
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new TableRow(r, cells));
        }
        return (new TableData(headers, rows), null);
    }

    /// <param name="neutraliseFormulas">
    /// For files whose cells come from users and are only read, never imported back (the audit log): a cell starting
    /// with =, @, +, -, tab or CR gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
    /// </param>
    public static byte[] WriteCsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyDictionary<string, string>> rows, bool neutraliseFormulas = false)
    {
        using var writer = new StringWriter();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = neutraliseFormulas ? InjectionOptions.Escape : InjectionOptions.None };
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var h in headers) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var h in headers) csv.WriteField(row.TryGetValue(h, out var v) ? v : "");
                csv.NextRecord();
            }
        }
        // With a BOM, so Excel opens the Vietnamese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    public static byte[] WriteXlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < headers.Count; c++)
                sheet.Cell(r, c + 1).SetValue(row.TryGetValue(headers[c], out var v) ? v : "");
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static string NormalizeHeader(string header) => VietnameseText.Normalize(header).Trim().ToLowerInvariant();

    private static string MissingColumns(IEnumerable<string> columns) =>
        "Tệp thiếu cột bắt buộc: " + string.Join(", ", columns) + ". Hãy dùng tệp mẫu xuất từ hệ thống.";
}
