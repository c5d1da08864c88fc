using CchcPortal.Core.Common;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// Vietnamese writes a syllable made of one consonant and a final i or y either way ("kí"/"ký", "lí"/"lý",
/// "mĩ"/"mỹ", "qui"/"quy"): the other spelling of such a syllable, tone mark kept. After a vowel the two letters
/// make different words ("ai"/"ay", "ui"/"uy"), and after a two-letter initial ("chi", "nghi", "gi") only i is
/// written, so neither has another spelling.
/// </summary>
public static class IyVariant
{
    private const string WithI = "iíìỉĩị";
    private const string WithY = "yýỳỷỹỵ";
    private const string Initials = "bcdhklmnprstvx";

    /// <summary>The other spelling of <paramref name="syllable"/> (lower case, marks as written), or null when it has none.</summary>
    public static string? Of(string syllable)
    {
        var folded = VietnameseText.RemoveDiacritics(syllable);
        var initial = folded.Length >= 2 ? folded[..^1] : "";
        if (folded.Length != syllable.Length || !(initial.Length == 1 && Initials.Contains(initial[0]) || initial == "qu")) return null;
        var last = syllable[^1];
        var i = WithI.IndexOf(last);
        if (i >= 0) return syllable[..^1] + WithY[i];
        var y = WithY.IndexOf(last);
        return y >= 0 ? syllable[..^1] + WithI[y] : null;
    }
}
