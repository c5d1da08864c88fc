using System.IO.Compression;
using CchcPortal.Core.Search.Vocabulary;
using CchcPortal.Search.Lucene;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>The vocabulary file: its layout and rules, and the seed file (content/seed/search/vocabulary.tsv) itself.</summary>
public class VocabularyFileTests
{
    private static readonly string SeedDir = Path.Combine(AppContext.BaseDirectory, "seed");
    private static string SeedFile => File.ReadAllText(Path.Combine(SeedDir, "search", "vocabulary.tsv"));
    private static readonly string[] Groups = ["hoi-dap", "thu-tuc", "thong-dung"];

    [Fact]
    public void Lines_are_normalized_comments_and_header_skipped_and_each_bad_line_reported_with_its_row()
    {
        var parsed = VocabularyTsv.Parse(
            "# chú thích\ncach_noi\tcach_goi_chinh_thuc\tloai\tnhom\n" +
            "  Sổ   Đỏ \tGiấy chứng nhận quyền sử dụng đất\tequivalent\tthong-dung\n" +
            "làm\tcấp ; đăng ký\texpansion\n" +
            "sổ đỏ\tkhác\tequivalent\tx\n" +
            "abc\tabc\tequivalent\tx\n" +
            "cmnd\tcăn cước; chứng minh\tequivalent\tx\n" +
            "xyz\tđâu đó\tsynonym\tx\n" +
            "\t\texpansion\tx\n" +
            new string('a', SearchVocabularyEntry.MaxKey + 1) + "\tb\texpansion\tx\n");
        Assert.Equal(
            [new VocabularyLine("sổ đỏ", "giấy chứng nhận quyền sử dụng đất", VocabularyKind.Equivalent, "thong-dung"),
             new VocabularyLine("làm", "cấp; đăng ký", VocabularyKind.Expansion, SearchVocabularyEntry.ManagerGroup)],
            parsed.Lines);
        Assert.Equal(["cấp", "đăng ký"], parsed.Lines[1].Officials);
        Assert.Equal([5, 6, 7, 8, 9, 10], parsed.Issues.Select(i => i.Row));
        Assert.Contains("đã có trong từ điển", parsed.Issues[0].Message);
        Assert.Contains("phải khác cách nói", parsed.Issues[1].Message);
        Assert.Contains("chỉ có một cách gọi chính thức", parsed.Issues[2].Message);
        Assert.Contains("không hợp lệ", parsed.Issues[3].Message);
        Assert.Contains("Vui lòng nhập cách nói", parsed.Issues[4].Message);
        Assert.Contains("không được dài quá 100 ký tự", parsed.Issues[5].Message);
    }

    [Fact]
    public void Official_equal_to_the_key_is_refused_whatever_the_marks_and_punctuation() =>
        Assert.True(VocabularyRules.Check(VocabularyLine.Normalized("So do", "sổ, đỏ", VocabularyKind.Equivalent, "x")).Any);

    [Fact]
    public void Export_then_parse_gives_the_same_lines()
    {
        var lines = VocabularyTsv.Parse(SeedFile).Lines;
        Assert.Equal(lines, VocabularyTsv.Parse(VocabularyTsv.Write(lines)).Lines);
    }

    [Fact]
    public void The_seed_file_has_at_least_150_valid_entries_in_documented_groups_the_22_of_the_old_code_among_them()
    {
        var parsed = VocabularyTsv.Parse(SeedFile);
        Assert.Empty(parsed.Issues);
        Assert.True(parsed.Lines.Count >= 150, $"{parsed.Lines.Count} entries");
        Assert.Equal(Groups.Order(), parsed.Lines.Select(l => l.Group).Distinct().Order());
        var header = string.Join('\n', SeedFile.Split('\n').TakeWhile(l => l.StartsWith('#')));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        foreach (var group in Groups)
        {
            Assert.Contains($"# - {group}:", header);
            Assert.Contains($"`{group}`", readme);
            Assert.True(parsed.Lines.Count(l => l.Group == group) >= 20, $"group {group} is thin");
        }
        string[] oldKeys = ["làm", "xin", "mã số thuế", "họ tên", "đổi tên", "độc thân", "sang tên xe", "giấy phép kinh doanh", "chứng minh nhân dân",
            "cmnd", "cccd", "sổ đỏ", "sổ hồng", "bằng lái", "gplx", "bhxh", "bhyt", "mst", "ubnd", "cchc", "tthc", "dvc"];
        Assert.Empty(oldKeys.Except(parsed.Lines.Select(l => l.Key)));
    }

    /// <summary>No entry points at nothing: each official wording, as the index folds it, stands in the seeded content.</summary>
    [Fact]
    public void Every_official_wording_of_the_seed_file_occurs_in_the_seeded_content()
    {
        var content = " " + string.Join(" | ", SeededTexts().Select(t => string.Join(' ', SearchFields.Folded.Terms(t)))) + " ";
        var missing = VocabularyTsv.Parse(SeedFile).Lines
            .SelectMany(l => l.Officials.Select(o => (l.Key, Official: o)))
            .Where(e => !content.Contains(" " + string.Join(' ', SearchFields.Folded.Terms(e.Official)) + " ", StringComparison.Ordinal))
            .Select(e => $"{e.Key} -> {e.Official}").ToList();
        Assert.True(missing.Count == 0, "official wordings found nowhere in the seed: " + string.Join("; ", missing));
    }

    private static IEnumerable<string> SeededTexts()
    {
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(SeedDir, "procedures", "dvcqg-cap-tinh-cap-xa.jsonl.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
            while (reader.ReadLine() is { } line)
                yield return string.Join(" | ", System.Text.Json.JsonDocument.Parse(line).RootElement.EnumerateObject().Select(p => p.Value.ToString()));
        foreach (var file in Directory.EnumerateFiles(SeedDir, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md") || f.EndsWith(".json")))
            yield return File.ReadAllText(file);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CchcPortal.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    [Fact]
    public void A_snapshot_is_what_searches_read_and_a_scope_keeps_its_own()
    {
        var query = "zxqv";
        var terms = (SearchFields.Exact.Terms(query), SearchFields.Folded.Terms(query));
        Assert.Empty(QueryVocabulary.EquivalentsOf(terms.Item1, terms.Item2));
        var snapshot = new VocabularySnapshot([new VocabularyLine("zxqv", "trà bồng", VocabularyKind.Equivalent, "x")]);
        using (QueryVocabulary.Scope(snapshot))
            Assert.Equal(["tra bong"], QueryVocabulary.ExpansionsOf(terms.Item1, terms.Item2).Select(w => string.Join(' ', w)));
        Assert.Empty(QueryVocabulary.ExpansionsOf(terms.Item1, terms.Item2));
    }
}
