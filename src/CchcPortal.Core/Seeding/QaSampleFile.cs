using System.Text;
using System.Text.Json;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Seeding;

/// <summary>A real citizen question with its official answer, as published by a state body.</summary>
public sealed record QaSample(string Title, string Question, string Answer, string Field);

/// <summary>
/// Reads the Q&amp;A samples of ../shared/data/vn-research/qa (a subset is in tests/CchcPortal.Tests/Fixtures/qa): JSON lines (bhxh: short_title, cauhoi, traloi, linhvuc;
/// chinhsachonline: title, question, answer) and the CSV (cauhoi, traloi). Test and benchmark data only.
/// </summary>
public static class QaSampleFile
{
    public static IReadOnlyList<QaSample> LoadFolder(string folder)
    {
        var samples = new List<QaSample>();
        if (!System.IO.Directory.Exists(folder)) return samples;
        foreach (var file in System.IO.Directory.GetFiles(folder).Order())
        {
            if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                samples.AddRange(File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(FromJson).OfType<QaSample>());
            else if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                samples.AddRange(FromCsv(File.ReadAllBytes(file)));
        }
        return samples.DistinctBy(s => s.Question).ToList();
    }

    private static QaSample? FromJson(string line)
    {
        using var doc = JsonDocument.Parse(line);
        string Get(params string[] names) => names.Select(n => doc.RootElement.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
        var question = Clean(Get("cauhoi", "question"));
        var answer = Clean(Get("traloi", "answer"));
        if (question.Length == 0 || answer.Length == 0) return null;
        var title = VietnameseText.Normalize(Get("short_title", "title"));
        return new QaSample(title.Length > 0 ? title : TitleOf(question), question, answer, VietnameseText.Normalize(Get("linhvuc")));
    }

    private static IEnumerable<QaSample> FromCsv(byte[] content)
    {
        var (table, _) = TabularFile.Read(content, ["cauhoi", "traloi"]);
        if (table is null) yield break;
        foreach (var row in table.Rows)
        {
            var question = Clean(row["cauhoi"]);
            var answer = Clean(row["traloi"]);
            if (question.Length > 0 && answer.Length > 0) yield return new QaSample(TitleOf(question), question, answer, "Bảo hiểm xã hội");
        }
    }

    /// <summary>Drops the portals' "Nội dung câu hỏi:" / "Câu trả lời:" labels and blank lines.</summary>
    private static string Clean(string text)
    {
        var lines = VietnameseText.NormalizeLines(text).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l is not ("Nội dung câu hỏi:" or "Câu trả lời:"));
        return string.Join('\n', lines);
    }

    /// <summary>A title for a sample without one: the first sentence that asks something, cut at a word.</summary>
    private static string TitleOf(string question)
    {
        var line = question.Split('\n').FirstOrDefault(l => l.Contains('?') || l.StartsWith("Vậy", StringComparison.Ordinal))
                   ?? question.Split('\n').Last();
        var title = new StringBuilder();
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (title.Length + word.Length > 120) break;
            title.Append(title.Length > 0 ? " " : "").Append(word);
        }
        return title.ToString();
    }
}
