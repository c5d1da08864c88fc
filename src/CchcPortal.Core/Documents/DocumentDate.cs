using System.Globalization;
using System.Text.RegularExpressions;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

/// <summary>Dates as documents write them: "18/02/2019", "7/12/2018", "18-02-2019", "ngày 18 tháng 02 năm 2019".</summary>
public static partial class DocumentDate
{
    /// <summary>The date pattern (without "ngày"), for use inside larger patterns.</summary>
    internal const string Pattern =
        @"(?:(?<d>\d{1,2})\s?[/.-]\s?(?<m>\d{1,2})\s?[/.-]\s?(?<y>\d{4})|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4}))";

    public static bool TryParse(string? written, out DateOnly date, out string? error)
    {
        date = default;
        var text = VietnameseText.Normalize(written);
        if (text.Length == 0) { error = "Chưa nhập ngày."; return false; }
        var match = Whole().Match(text);
        if (!match.Success)
        {
            error = $"Ngày “{text}” không đúng định dạng: nhập ngày/tháng/năm, ví dụ 18/02/2019.";
            return false;
        }
        if (!FromGroups(match, out date))
        {
            error = $"Ngày “{text}” không có trên lịch.";
            return false;
        }
        error = null;
        return true;
    }

    internal static bool FromGroups(Match match, out DateOnly date)
    {
        date = default;
        var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var y = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (y is < 1945 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex(@"^(?:ngày\s+)?" + Pattern + "$", RegexOptions.IgnoreCase)] private static partial Regex Whole();
}
