using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;

namespace SearchBenchmarks;

/// <summary>
/// A realistic Vietnamese corpus of any size, built deterministically from real text: the 2,642 national procedure
/// records (../shared/data/vn-research/tthc), the five propaganda plans, the Q&amp;A samples and the demo directory.
/// Procedures recombine one record's name and steps with another's dossier and conditions (same field when
/// possible); news items put plan paragraphs and answers under headlines made of agency names and procedure
/// topics; questions recombine real questions and answers; agencies are directory units across the provinces.
/// </summary>
public sealed class CorpusGenerator
{
    private sealed record Procedure(string Code, string Name, string Field, string Level, string Steps, string Dossier, string Conditions, string Result, string Agency, string Legal);
    private sealed record Qa(string Title, string Field, string Question, string Answer);

    private readonly List<Procedure> _procedures = [];
    private readonly Dictionary<string, List<Procedure>> _byField = [];
    private readonly List<string> _paragraphs = [];
    private readonly List<Qa> _qas = [];
    private readonly List<string> _agencyNames = [];
    private readonly List<string> _provinces = [];

    private static readonly string[] NewsVerbs =
    [
        "triển khai", "tuyên truyền về", "hướng dẫn người dân thực hiện", "đẩy mạnh", "tổ chức hội nghị về", "rà soát, đơn giản hóa",
        "kiểm tra công tác", "sơ kết việc", "công bố danh mục", "tập huấn về", "số hóa hồ sơ", "tiếp nhận trực tuyến",
    ];
    private static readonly string[] Hotlines =
    [
        "Đường dây nóng cải cách hành chính", "Hỗ trợ thủ tục hành chính, dịch vụ công trực tuyến", "Tiếp nhận phản ánh, kiến nghị",
        "Hỗ trợ đăng ký hộ tịch", "Đường dây nóng phường", "Hỗ trợ doanh nghiệp",
    ];

    public CorpusGenerator(string repoRoot, string sharedData)
    {
        LoadProcedures(Path.Combine(sharedData, "vn-research", "tthc", "dvcqg-tthc-chi-tiet-2642.jsonl.gz"));
        LoadProcedures(Path.Combine(repoRoot, "content", "seed", "procedures", "dvcqg-cap-tinh-cap-xa.jsonl.gz"));
        foreach (var file in Directory.GetFiles(Path.Combine(repoRoot, "content", "seed", "plans"), "*.md"))
            _paragraphs.AddRange(File.ReadAllText(file).Split('\n').Select(l => l.Trim().TrimStart('#', '-', '*', '|', ' ')).Where(l => l.Length > 60));
        LoadQa(Path.Combine(sharedData, "vn-research", "qa", "bhxh-hoidap-11.jsonl"), "short_title", "linhvuc", "cauhoi", "traloi");
        LoadQa(Path.Combine(sharedData, "vn-research", "qa", "chinhsachonline-hoidap-4.jsonl"), "title", null, "question", "answer");
        foreach (var line in File.ReadLines(Path.Combine(repoRoot, "content", "seed", "directory.csv")).Skip(1))
        {
            var name = line.Split(',')[1];
            _agencyNames.Add(name.Replace(" tỉnh Đắk Lắk", "").Replace(" Đắk Lắk", ""));
        }
        foreach (var line in File.ReadLines(Path.Combine(sharedData, "vn-research", "indices", "par-sipas-papi-published-facts.csv")).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length > 3 && cells[2] == "province" && !_provinces.Contains(cells[3])) _provinces.Add(cells[3]);
        }
        if (_provinces.Count == 0) _provinces.Add("Đắk Lắk");
        foreach (var qa in _qas) _paragraphs.AddRange(qa.Answer.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 60));
    }

    public int SourceProcedures => _procedures.Count;

    private void LoadProcedures(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            string S(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            var p = new Procedure(S("ma_thu_tuc"), VietnameseText.Normalize(S("ten_thu_tuc")), S("linh_vuc"), S("cap_thuc_hien"), S("trinh_tu_thuc_hien"),
                S("thanh_phan_ho_so"), S("yeu_cau_dieu_kien"), S("ket_qua_xu_ly"), S("co_quan_thuc_hien"), S("can_cu_phap_ly"));
            if (p.Name.Length == 0) continue;
            _procedures.Add(p);
            (_byField.TryGetValue(p.Field, out var list) ? list : _byField[p.Field] = []).Add(p);
        }
    }

    private void LoadQa(string path, string title, string? field, string question, string answer)
    {
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            string S(string? name) => name is not null && json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            _qas.Add(new Qa(VietnameseText.Normalize(S(title)), S(field) is { Length: > 0 } f ? f : "Bảo hiểm xã hội", S(question), S(answer)));
        }
    }

    /// <summary>
    /// <paramref name="count"/> documents: 40% procedures, 35% news, 20% questions, 5% agencies. Same seed, same corpus.
    /// </summary>
    public IEnumerable<SearchDocument> Generate(int count, int seed = 42)
    {
        var rng = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var slot = i % 20;
            yield return slot < 8 ? ProcedureDoc(i, rng) : slot < 15 ? NewsDoc(i, rng) : slot < 19 ? QuestionDoc(i, rng) : AgencyDoc(i, rng);
        }
    }

    private T Pick<T>(IReadOnlyList<T> list, Random rng) => list[rng.Next(list.Count)];

    private SearchDocument ProcedureDoc(int i, Random rng)
    {
        var p = Pick(_procedures, rng);
        var sameField = _byField[p.Field];
        var other = Pick(sameField, rng);
        var third = Pick(sameField, rng);
        var place = Pick(_provinces, rng);
        var title = rng.Next(3) switch
        {
            0 => p.Name,
            1 => $"{p.Name} (thực hiện tại {(rng.Next(2) == 0 ? "cấp xã" : "cấp tỉnh")})",
            _ => $"{p.Name} – {place}",
        };
        var code = $"{1 + i % 3}.{(i / 3 + 100000) % 1000000:D6}";
        return new SearchDocument
        {
            Key = $"procedure:{i}",
            Kind = ContentKinds.Procedure,
            Title = title,
            Summary = $"{p.Field} · Kết quả: {Head(p.Result, 120)}",
            Body = string.Join(" ", p.Steps, other.Dossier, third.Conditions, p.Agency, p.Result, other.Legal),
            Url = $"/thu-tuc-hanh-chinh/p-{i}",
            ProcedureCode = code,
            Fields = p.Field.Length > 0 ? [p.Field] : [],
            Levels = p.Level.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Agencies = [$"{Pick(_agencyNames, rng)} {place}"],
            Weight = rng.Next(10) == 0 ? 0.4f : 1f,
        };
    }

    private SearchDocument NewsDoc(int i, Random rng)
    {
        var topic = Phrase(Pick(_procedures, rng).Name, rng);
        var agency = $"{Pick(_agencyNames, rng)} {Pick(_provinces, rng)}";
        var body = new StringBuilder();
        for (var n = 4 + rng.Next(7); n > 0; n--) body.Append(Pick(_paragraphs, rng)).Append('\n');
        var year = 2019 + rng.Next(8);
        return new SearchDocument
        {
            Key = $"news:{i}",
            Kind = ContentKinds.News,
            Title = $"{agency} {Pick(NewsVerbs, rng)} {topic}",
            Summary = Head(Pick(_paragraphs, rng), 250),
            Body = body.ToString(),
            Url = $"/tin-tuc/n-{i}",
            Date = new DateTime(year, 1 + rng.Next(12), 1 + rng.Next(28), 2, 0, 0, DateTimeKind.Utc),
            Years = [year],
        };
    }

    private SearchDocument QuestionDoc(int i, Random rng)
    {
        var qa = Pick(_qas, rng);
        var other = Pick(_qas, rng);
        var year = 2020 + rng.Next(7);
        return new SearchDocument
        {
            Key = $"question:{i}",
            Kind = ContentKinds.Question,
            Title = rng.Next(2) == 0 ? qa.Title : $"Hỏi về {Phrase(Pick(_procedures, rng).Name, rng)}",
            Summary = Head(qa.Question, 300),
            Body = qa.Question + "\n" + other.Answer,
            Url = $"/hoi-dap/cau-hoi/q-{i}",
            Date = new DateTime(year, 1 + rng.Next(12), 1 + rng.Next(28), 2, 0, 0, DateTimeKind.Utc),
            Fields = [qa.Field],
            Agencies = [$"{Pick(_agencyNames, rng)} {Pick(_provinces, rng)}"],
            Years = [year],
        };
    }

    private SearchDocument AgencyDoc(int i, Random rng)
    {
        var name = $"{Pick(_agencyNames, rng)} {Pick(_provinces, rng)}";
        var hotline = Pick(Hotlines, rng);
        var phone = $"02{rng.Next(10, 99)}.{rng.Next(3800000, 3899999)}";
        return new SearchDocument
        {
            Key = $"agency:{i}",
            Kind = ContentKinds.Agency,
            Title = name,
            Summary = $"Điện thoại: {phone} · {hotline}: {phone[..^1]}1",
            Keywords = $"{hotline} · Đường dây nóng",
            Body = $"{name} Sáng 7h00–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu {hotline}: {phone}",
            Url = $"/co-quan/a-{i}",
        };
    }

    /// <summary>3–7 consecutive words of a name: the topic of a headline.</summary>
    private static string Phrase(string name, Random rng)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var take = Math.Min(words.Length, 3 + rng.Next(5));
        return string.Join(' ', words.Take(take)).ToLowerInvariant();
    }

    private static string Head(string text, int max) => text.Length <= max ? text : text[..max];
}
