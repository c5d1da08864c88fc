using System.Text;

namespace CchcPortal.Core.Search.Vocabulary;

/// <summary>
/// The vocabulary file (content/seed/search/vocabulary.tsv, and the manager's import/export): UTF-8, tab-separated
/// cach_noi, cach_goi_chinh_thuc, loai, nhom; lines starting with # are comments; the first other line is the header.
/// </summary>
public static class VocabularyTsv
{
    public const string Header = "cach_noi\tcach_goi_chinh_thuc\tloai\tnhom";

    public sealed record Issue(int Row, string Message);

    public sealed record Parsed(IReadOnlyList<VocabularyLine> Lines, IReadOnlyList<Issue> Issues);

    /// <summary>Every valid line, and an issue per invalid one (a later line with the same key included).</summary>
    public static Parsed Parse(string text, string defaultGroup = SearchVocabularyEntry.ManagerGroup)
    {
        var lines = new List<VocabularyLine>();
        var issues = new List<Issue>();
        var keys = new HashSet<string>();
        var headerSeen = false;
        var row = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            row++;
            if (raw.Length == 0 || raw.TrimStart('\uFEFF').StartsWith('#') || raw.Trim().Length == 0) continue;
            var cells = raw.TrimStart('\uFEFF').Split('\t');
            if (!headerSeen)
            {
                headerSeen = true;
                if (cells[0].Trim() == "cach_noi") continue;
            }
            if (cells.Length < 3)
            {
                issues.Add(new(row, "Dòng cần ít nhất 3 cột ngăn cách bằng dấu tab: cách nói, cách gọi chính thức, loại."));
                continue;
            }
            if (VocabularyKinds.Parse(cells[2]) is not { } kind)
            {
                issues.Add(new(row, $"Loại \"{cells[2].Trim()}\" không hợp lệ (equivalent hoặc expansion)."));
                continue;
            }
            var group = cells.Length > 3 && cells[3].Trim().Length > 0 ? cells[3] : defaultGroup;
            var line = VocabularyLine.Normalized(cells[0], cells[1], kind, group);
            var errors = VocabularyRules.Check(line);
            if (errors.Any) issues.Add(new(row, string.Join(" ", errors.All.Select(e => e.Value))));
            else if (!keys.Add(line.Key)) issues.Add(new(row, VocabularyRules.DuplicateMessage(line.Key)));
            else lines.Add(line);
        }
        return new(lines, issues);
    }

    public static string Write(IEnumerable<VocabularyLine> lines)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var l in lines)
            sb.Append(Clean(l.Key)).Append('\t').Append(Clean(l.Official)).Append('\t').Append(VocabularyKinds.Code(l.Kind)).Append('\t').Append(Clean(l.Group)).Append('\n');
        return sb.ToString();
    }

    private static string Clean(string cell) => cell.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
