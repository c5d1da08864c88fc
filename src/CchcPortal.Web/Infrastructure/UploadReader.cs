namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Reads an uploaded file into memory once its size is checked: the bytes, or the Vietnamese message that says why
/// not (no file chosen or an empty one, or a file over the limit).
/// </summary>
public static class UploadReader
{
    /// <summary>"Tệp quá lớn: tối đa 10 MB.": the usual message for a file over <paramref name="maxBytes"/>.</summary>
    public static string TooLarge(long maxBytes) => $"Tệp quá lớn: tối đa {maxBytes / (1024 * 1024)} MB.";

    /// <param name="missing">The message when no file was chosen or the file is empty.</param>
    /// <param name="maxBytes">The largest file accepted; without it, the request's own limits are the only ones.</param>
    /// <param name="tooLarge">The message for a larger file; <see cref="TooLarge"/> when not given.</param>
    public static async Task<(byte[]? Bytes, string? Error)> ReadAsync(
        IFormFile? file, string missing, long maxBytes = long.MaxValue, string? tooLarge = null, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0) return (null, missing);
        if (file.Length > maxBytes) return (null, tooLarge ?? TooLarge(maxBytes));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }
}
