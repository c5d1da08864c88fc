using System.Security.Cryptography;
using System.Text;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.PageFeedback;

/// <summary>One vote per device per page per day: short hashes of the paths this browser voted on today.</summary>
public static class DeviceVotes
{
    /// <summary>Pages one device may vote on in a day; the cookie stays small (11 bytes a page).</summary>
    public const int MaxPagesPerDay = 100;

    private static readonly DailyDeviceMarks Marks = new(".CchcPortal.PageVotes", PageFeedbackPaths.Vote, MaxPagesPerDay);

    public static bool HasVoted(HttpContext http, string path) => Marks.Has(http, Hash(path));

    public static void Remember(HttpContext http, string path) => Marks.Add(http, Hash(path));

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)), 0, 5);
}
