using System.Text;
using System.Text.RegularExpressions;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Seeding;

public sealed record GrowthReport(int PostsAdded, int QuestionsAdded);

/// <summary>
/// Fills a portal database with many published posts and answered questions for load benchmarks, built from what
/// is already there (paragraphs of the posts and of the documents library, where the seeded plans are, the procedures,
/// the agencies) and real Q&amp;A samples. Rows are inserted directly in batches: no revisions, change rows or
/// notifications, so never use it on a real portal.
/// Deterministic: the same database and counts give the same rows.
/// </summary>
public sealed partial class DemoDataGrower(PortalDbContext db, TimeProvider time)
{
    private const int Batch = 1000;

    private static readonly string[] Areas =
    [
        "Xã Trà Phú, huyện Trà Bồng, tỉnh Quảng Ngãi", "Phường Trần Phú, thành phố Quảng Ngãi", "Phường Bắc Sơn, thành phố Tam Điệp, tỉnh Ninh Bình",
        "Phường Sông Cầu, thành phố Bắc Kạn", "Phường Tân Lợi, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk", "Xã Ea Kao, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk",
    ];

    private static readonly string[] PostTitles =
    [
        "{agency} triển khai Kế hoạch cải cách hành chính năm {year}",
        "Hướng dẫn thực hiện thủ tục {procedure} trên Cổng Dịch vụ công",
        "Kết quả giải quyết thủ tục hành chính quý {quarter}/{year} tại {agency}",
        "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm {year} của {agency}",
        "{agency} đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Nâng cao Chỉ số hài lòng về sự phục vụ của cơ quan hành chính (SIPAS) năm {year}",
        "Công khai, minh bạch thủ tục {procedure} tại Bộ phận Một cửa",
        "Kiểm tra công tác cải cách hành chính năm {year} tại {agency}",
        "Tuyên truyền cải cách hành chính năm {year}: người dân được hướng dẫn nộp hồ sơ trực tuyến",
        "Rút ngắn thời gian giải quyết thủ tục {procedure}",
    ];

    private static readonly string[] QuestionTitles =
    [
        "Hồ sơ thủ tục {procedure} gồm những giấy tờ gì?",
        "Thời hạn giải quyết thủ tục {procedure} là bao lâu?",
        "Nộp hồ sơ {procedure} ở đâu và có nộp trực tuyến được không?",
        "Hỏi về lệ phí thủ tục {procedure}",
    ];

    private static readonly string[] Tags = ["Cải cách hành chính", "Một cửa", "Dịch vụ công trực tuyến", "Chuyển đổi số", "SIPAS", "PAR Index", "Tuyên truyền", "Kiểm tra CCHC"];

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    /// <param name="samples">Real questions with their official answers (../shared/data/vn-research/qa); every third question is one of them.</param>
    public async Task<GrowthReport> GrowAsync(int posts, int questions, IReadOnlyList<QaSample> samples, CancellationToken ct = default)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var source = await SourceText.LoadAsync(db, ct);
        var postsAdded = posts > 0 ? await AddPostsAsync(posts, source, ct) : 0;
        var questionsAdded = questions > 0 ? await AddQuestionsAsync(questions, source, samples, ct) : 0;
        return new GrowthReport(postsAdded, questionsAdded);
    }

    private async Task<int> AddPostsAsync(int count, SourceText source, CancellationToken ct)
    {
        if (source.Categories.Count == 0) throw new InvalidOperationException("Cơ sở dữ liệu chưa có chuyên mục: hãy khởi động cổng một lần để nạp dữ liệu mẫu.");
        var random = new Random(8 + await db.Posts.CountAsync(ct));
        var now = time.GetUtcNow().UtcDateTime;
        var firstNumber = await db.Posts.CountAsync(ct) + 1;
        var tagIds = await EnsureTagsAsync(ct);
        for (var done = 0; done < count;)
        {
            var tags = await db.Tags.Where(t => tagIds.Contains(t.Id)).ToListAsync(ct);
            var batch = Math.Min(Batch, count - done);
            for (var i = 0; i < batch; i++, done++)
            {
                var number = firstNumber + done;
                // Spread over about six years before now, newest last, a few minutes apart at most.
                var publishedAt = now.AddMinutes(-(count - done) * (6 * 365 * 24 * 60.0 / Math.Max(count, 1))).AddSeconds(-random.Next(0, 60));
                var year = VnFormat.ToLocal(publishedAt).Year;
                var title = Fill(PostTitles[random.Next(PostTitles.Length)], source, random, year);
                var paragraphs = Enumerable.Range(0, random.Next(4, 9)).Select(_ => source.Paragraphs[random.Next(source.Paragraphs.Count)]).ToList();
                var body = new StringBuilder();
                foreach (var p in paragraphs) body.Append("<p>").Append(p).Append("</p>");
                var summary = HtmlText.Truncate(HtmlText.ToPlainText(paragraphs[0]), 300);
                var post = new Post
                {
                    Title = title, Slug = $"{SlugGenerator.Slugify(title)}-{number}", Summary = summary, BodyHtml = body.ToString(),
                    SearchText = VietnameseText.Fold(title + " " + summary),
                    CategoryId = source.Categories[random.Next(source.Categories.Count)],
                    Status = PublicationStatus.Published, PublishedAt = publishedAt, IsFeatured = random.Next(200) == 0,
                    AuthorName = "Dữ liệu thử tải", CreatedAt = publishedAt, UpdatedAt = publishedAt,
                };
                post.Tags.Add(tags[random.Next(tags.Count)]);
                if (random.Next(2) == 0 && tags[random.Next(tags.Count)] is var second && !post.Tags.Contains(second)) post.Tags.Add(second);
                db.Posts.Add(post);
            }
            await SaveBatchAsync(ct);
        }
        return count;
    }

    private async Task<int> AddQuestionsAsync(int count, SourceText source, IReadOnlyList<QaSample> samples, CancellationToken ct)
    {
        var random = new Random(80 + await db.QuestionCases.CountAsync(ct));
        var now = time.GetUtcNow().UtcDateTime;
        var next = new Dictionary<int, int>();
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(Batch, count - done);
            for (var i = 0; i < batch; i++, done++)
            {
                var answeredAt = now.AddMinutes(-(count - done) * (3 * 365 * 24 * 60.0 / Math.Max(count, 1)) - random.Next(60, 600));
                var submittedAt = answeredAt.AddDays(-random.Next(2, 15)).AddMinutes(-random.Next(0, 600));
                var year = VnFormat.ToLocal(submittedAt).Year;
                if (!next.TryGetValue(year, out var seq)) seq = await NextCodeNumberAsync(year, ct);
                next[year] = seq + 1;

                var (title, question, answer, field) = samples.Count > 0 && (done % 3 == 0 || source.Procedures.Count == 0)
                    ? FromSample(samples[done / 3 % samples.Count])
                    : FromProcedure(source.Procedures[random.Next(source.Procedures.Count)], random);
                var agency = source.Agencies.Count > 0 ? source.Agencies[random.Next(source.Agencies.Count)] : ((int?)null, "");
                var @case = new QuestionCase
                {
                    Code = $"HD-{year}-{seq:000000}", SecretHash = "", Kind = CaseKind.Question, AgencyId = agency.Item1, Field = field,
                    Title = title, Content = question, PublicContent = question, SubmitterName = "Người gửi (dữ liệu thử tải)",
                    SubmitterArea = Areas[random.Next(Areas.Length)], ConsentToPublish = true, Channel = "web", Status = CaseStatus.Answered,
                    SubmittedAt = submittedAt, ModerationDue = DateOnly.FromDateTime(submittedAt.AddDays(2)), AssignedAt = submittedAt.AddDays(1),
                    AnswerDue = DateOnly.FromDateTime(submittedAt.AddDays(15)), AnsweredAt = answeredAt, AnswerHtml = answer,
                    SignedBy = $"Thủ trưởng {agency.Item2}".Trim(), IsPublished = true,
                };
                @case.Events.Add(new CaseEvent { At = submittedAt, Actor = "Người gửi", Action = "Gửi", ToStatus = CaseStatus.Submitted });
                @case.Events.Add(new CaseEvent { At = answeredAt, Actor = "Dữ liệu thử tải", Action = "Duyệt trả lời", FromStatus = CaseStatus.AwaitingApproval, ToStatus = CaseStatus.Answered });
                db.QuestionCases.Add(@case);
            }
            await SaveBatchAsync(ct);
        }
        return count;
    }

    private static (string, string, string, string) FromSample(QaSample s) =>
        (s.Title, s.Question, string.Concat(s.Answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => $"<p>{System.Net.WebUtility.HtmlEncode(l)}</p>")), s.Field);

    private static (string, string, string, string) FromProcedure(ProcedureText p, Random random)
    {
        var title = QuestionTitles[random.Next(QuestionTitles.Length)].Replace("{procedure}", Lower(p.Name));
        var question = $"Kính gửi Quý cơ quan, gia đình tôi cần làm thủ tục {Lower(p.Name)}. Xin cho biết cần chuẩn bị những giấy tờ gì, nộp ở đâu, "
                       + "thời hạn giải quyết bao lâu và có phải nộp phí, lệ phí không? Tôi xin trân trọng cảm ơn.";
        var answer = new StringBuilder($"<p>Thủ tục {Encode(p.Name)} (mã {Encode(p.Code)}) do {Encode(p.Agency)} giải quyết.</p>");
        if (p.Dossier.Count > 0)
            answer.Append("<p>Thành phần hồ sơ gồm:</p><ul>").Append(string.Concat(p.Dossier.Take(6).Select(d => $"<li>{Encode(d)}</li>"))).Append("</ul>");
        if (p.Steps.Length > 0) answer.Append("<p>").Append(Encode(HtmlText.Truncate(p.Steps, 600))).Append("</p>");
        answer.Append("<p>Ông/bà có thể tra cứu chi tiết thủ tục trên Cổng thông tin và nộp hồ sơ trực tuyến trên Cổng Dịch vụ công.</p>");
        return (title, question, answer.ToString(), p.Field);
    }

    private static string Encode(string s) => System.Net.WebUtility.HtmlEncode(s);
    private static string Lower(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    private static string Fill(string template, SourceText source, Random random, int year) => template
        .Replace("{agency}", source.Agencies.Count > 0 ? source.Agencies[random.Next(source.Agencies.Count)].Name : "UBND tỉnh")
        .Replace("{procedure}", source.Procedures.Count > 0 ? Lower(source.Procedures[random.Next(source.Procedures.Count)].Name) : "đăng ký khai sinh")
        .Replace("{quarter}", ((random.Next(4)) + 1).ToString())
        .Replace("{year}", year.ToString());

    private async Task<int> NextCodeNumberAsync(int year, CancellationToken ct)
    {
        var prefix = $"HD-{year}-";
        var last = await db.QuestionCases.Where(c => c.Code.StartsWith(prefix)).OrderByDescending(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(ct);
        return last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
    }

    private async Task<List<int>> EnsureTagsAsync(CancellationToken ct)
    {
        foreach (var name in Tags)
        {
            var slug = SlugGenerator.Slugify(name);
            if (!await db.Tags.AnyAsync(t => t.Slug == slug, ct)) db.Tags.Add(new Tag { Name = name, Slug = slug });
        }
        await SaveBatchAsync(ct);
        var slugs = Tags.Select(SlugGenerator.Slugify).ToList();
        return await db.Tags.Where(t => slugs.Contains(t.Slug)).Select(t => t.Id).ToListAsync(ct);
    }

    private async Task SaveBatchAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private sealed record ProcedureText(string Code, string Name, string Field, string Agency, string Steps, List<string> Dossier);

    /// <summary>The existing content new rows are made of.</summary>
    private sealed record SourceText(List<string> Paragraphs, List<int> Categories, List<(int? Id, string Name)> Agencies, List<ProcedureText> Procedures)
    {
        public static async Task<SourceText> LoadAsync(PortalDbContext db, CancellationToken ct)
        {
            var bodies = await db.Posts.AsNoTracking().Where(p => p.Status == PublicationStatus.Published && p.AuthorName != "Dữ liệu thử tải")
                .Select(p => p.BodyHtml).ToListAsync(ct);
            // The seeded plans are documents: their text is most of what a fresh portal holds.
            bodies.AddRange(await db.Documents.AsNoTracking().Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => d.BodyHtml).ToListAsync(ct));
            var paragraphs = bodies.SelectMany(b => Paragraph().Matches(b).Select(m => m.Groups[1].Value))
                .Where(p => HtmlText.ToPlainText(p).Length >= 80).Distinct().ToList();
            if (paragraphs.Count == 0) paragraphs = ["Thực hiện Kế hoạch cải cách hành chính, các cơ quan, đơn vị tiếp tục rà soát, đơn giản hóa thủ tục hành chính, công khai đầy đủ thủ tục tại Bộ phận Một cửa và trên Cổng Dịch vụ công."];
            var categories = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
            var agencies = (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
                .Select(a => ((int?)a.Id, a.Name)).ToList();
            var procedures = (await db.Procedures.AsNoTracking().OrderBy(p => p.Id)
                    .Select(p => new { p.Code, p.Name, p.Field, p.ExecutingAgency, p.Steps, Dossier = p.DossierItems.OrderBy(d => d.Id).Select(d => d.Name).Take(6).ToList() })
                    .ToListAsync(ct))
                .Select(p => new ProcedureText(p.Code, p.Name, p.Field, p.ExecutingAgency.Length > 0 ? p.ExecutingAgency : "cơ quan có thẩm quyền", p.Steps, p.Dossier)).ToList();
            return new SourceText(paragraphs, categories, agencies, procedures);
        }
    }
}
