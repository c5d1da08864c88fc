namespace CchcPortal.Search.Lucene.Analysis;

/// <summary>
/// Vietnamese writes the tone of open "oa/oe/uy" syllables in two places: "hoá"/"hóa", "thuỷ"/"thủy", "uỷ"/"ủy".
/// Both are correct and both are common, so every token is brought to one placement (the mark on the first
/// vowel) before it is indexed or searched.
/// </summary>
public static class ToneMarks
{
    private static readonly Dictionary<string, string> Moves = new(StringComparer.Ordinal)
    {
        ["oá"] = "óa", ["oà"] = "òa", ["oả"] = "ỏa", ["oã"] = "õa", ["oạ"] = "ọa",
        ["oé"] = "óe", ["oè"] = "òe", ["oẻ"] = "ỏe", ["oẽ"] = "õe", ["oẹ"] = "ọe",
        ["uý"] = "úy", ["uỳ"] = "ùy", ["uỷ"] = "ủy", ["uỹ"] = "ũy", ["uỵ"] = "ụy",
    };

    /// <summary>True when the last letter may carry a mark that belongs on the vowel before it.</summary>
    public static bool MayNeedMove(ReadOnlySpan<char> token) =>
        token.Length >= 2 && token[^1] is 'á' or 'à' or 'ả' or 'ã' or 'ạ' or 'é' or 'è' or 'ẻ' or 'ẽ' or 'ẹ' or 'ý' or 'ỳ' or 'ỷ' or 'ỹ' or 'ỵ';

    /// <summary>The lower-case token with the tone moved to the first vowel of a final oa/oe/uy ("hoá" -> "hóa").</summary>
    public static string Normalize(string token)
    {
        if (!MayNeedMove(token)) return token;
        var tail = token[^2..];
        if (!Moves.TryGetValue(tail, out var moved)) return token;
        // "quý": the u belongs to the consonant "qu", the mark is already where it should be.
        if (tail[0] == 'u' && token.Length >= 3 && token[^3] == 'q') return token;
        return token[..^2] + moved;
    }
}
