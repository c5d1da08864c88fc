using System.Globalization;

namespace CchcPortal.Core.Common;

/// <summary>Dates and numbers as Vietnamese readers expect them (dd/MM/yyyy, 1.234,5), in Vietnam time (UTC+7, no DST).</summary>
public static class VnFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static System.DateTime ToLocal(System.DateTime utc) => System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);
    public static System.DateTime ToUtc(System.DateTime local) => System.DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    /// <summary>A calendar year in Vietnam time as UTC instants: from its first moment (inclusive) to the next year's (exclusive).</summary>
    public static (System.DateTime From, System.DateTime To) YearInUtc(int year) =>
        (ToUtc(new System.DateTime(year, 1, 1)), ToUtc(new System.DateTime(year + 1, 1, 1)));

    public static string Date(System.DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    public static string DateTime(System.DateTime utc) => ToLocal(utc).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
    public static string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    /// <summary>"820 KB", "2,4 MB": sizes shown next to a download.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => $"{Math.Max(1, (int)Math.Round(bytes / 1024.0))} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.#", Culture)} MB",
    };
}
