using System.Linq.Expressions;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Surveys;

/// <summary>
/// Counts of one group of counted responses: how many, and how many rated each dimension "hài lòng" or "rất hài lòng".
/// </summary>
public sealed record SatisfactionCounts(int Responses, IReadOnlyList<int> Satisfied)
{
    /// <summary>The share satisfied of a dimension, 0..100 (as SIPAS reports it).</summary>
    public double Share(int dimension) => Responses == 0 ? 0 : 100.0 * Satisfied[dimension] / Responses;

    /// <summary>The unit's index: the mean of its five dimensions' shares.</summary>
    public double Overall => Responses == 0 ? 0 : Enumerable.Range(0, Satisfied.Count).Average(Share);

    /// <summary>
    /// Half the width of the 95 % confidence interval of a share, in percentage points, taken at its widest (p = 0.5):
    /// 1.96 × √(0.25 / n). Conservative on purpose, so a handful of unanimous answers never claims ± 0.
    /// </summary>
    public double Margin => Responses == 0 ? 100 : 1.96 * Math.Sqrt(0.25 / Responses) * 100;
}

public sealed record AgencySatisfaction(int AgencyId, string Name, string Slug, SatisfactionCounts Counts, bool Enough);

public sealed record MonthSatisfaction(int Month, SatisfactionCounts Counts)
{
    public string Label => $"{Month % 100:00}/{Month / 100}";
}

public sealed record PublicComment(int Month, SurveyChannel Channel, string Text);

public sealed record AgencySurveyReport(AgencySatisfaction Result, IReadOnlyList<MonthSatisfaction> Months, IReadOnlyList<PublicComment> Comments);

/// <summary>The public results: only counted responses (not flagged or rejected), only approved comments.</summary>
public sealed class SurveyResults(PortalDbContext db, SurveySettings settings)
{
    /// <summary>Below this many responses an agency shows "chưa đủ dữ liệu" instead of its shares.</summary>
    public int MinimumResponses => Math.Max(1, settings.MinimumResponses);

    /// <summary>A margin above this many points gets the "few responses" note.</summary>
    public const double NoteMargin = 5;

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        var months = await Counted().Select(r => r.Month / 100).Distinct().ToListAsync(ct);
        return months.OrderByDescending(y => y).ToList();
    }

    /// <summary>Every agency with a counted response in <paramref name="year"/>, best overall share first, "chưa đủ dữ liệu" last.</summary>
    public async Task<IReadOnlyList<AgencySatisfaction>> YearAsync(int year, CancellationToken ct = default)
    {
        var (from, to) = Months(year);
        var groups = await CountAsync(Counted().Where(r => r.Month >= from && r.Month <= to), r => r.AgencyId, ct);
        var ids = groups.Select(g => g.Key).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var collation = StringComparer.Create(VnFormat.Culture, true);
        return groups.Where(g => agencies.ContainsKey(g.Key))
            .Select(g => Result(agencies[g.Key], g.Counts))
            .OrderByDescending(r => r.Enough).ThenByDescending(r => r.Enough ? r.Counts.Overall : r.Counts.Responses).ThenBy(r => r.Name, collation)
            .ToList();
    }

    /// <summary>One agency's year: its result, its months, and the comments moderators approved (latest first).</summary>
    public async Task<AgencySurveyReport?> AgencyAsync(string slug, int year, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (agency is null) return null;
        var (from, to) = Months(year);
        var responses = Counted().Where(r => r.AgencyId == agency.Id && r.Month >= from && r.Month <= to);
        var byMonth = (await CountAsync(responses, r => r.Month, ct)).OrderBy(m => m.Key).Select(m => new MonthSatisfaction(m.Key, m.Counts)).ToList();
        var total = new SatisfactionCounts(byMonth.Sum(m => m.Counts.Responses),
            Enumerable.Range(0, SurveyDimensions.All.Count).Select(d => byMonth.Sum(m => m.Counts.Satisfied[d])).ToList());
        var comments = await responses.Where(r => r.CommentStatus == SurveyCommentStatus.Approved)
            .OrderByDescending(r => r.SubmittedAt).Take(50)
            .Select(r => new { r.Month, r.Channel, r.Comment }).ToListAsync(ct);
        // Redacted again on the way out: a moderator may have missed a phone number or an e-mail address.
        return new AgencySurveyReport(Result(agency, total), byMonth,
            comments.Select(c => new PublicComment(c.Month, c.Channel, Questions.PersonalDataScan.Redact(c.Comment))).ToList());
    }

    private AgencySatisfaction Result(Agency agency, SatisfactionCounts counts) =>
        new(agency.Id, agency.Name, agency.Slug, counts, counts.Responses >= MinimumResponses);

    /// <summary>One grouped query: the count and the satisfied count of each dimension per key.</summary>
    private static async Task<List<(TKey Key, SatisfactionCounts Counts)>> CountAsync<TKey>(IQueryable<SurveyResponse> responses,
        Expression<Func<SurveyResponse, TKey>> key, CancellationToken ct)
    {
        const int s = SurveyDimensions.Satisfied;
        var rows = await responses.GroupBy(key).Select(g => new CountRow<TKey>
        {
            Key = g.Key, N = g.Count(),
            A = g.Sum(r => r.AccessRating >= s ? 1 : 0), B = g.Sum(r => r.ProcedureRating >= s ? 1 : 0), C = g.Sum(r => r.OfficialRating >= s ? 1 : 0),
            D = g.Sum(r => r.ResultRating >= s ? 1 : 0), E = g.Sum(r => r.FeedbackRating >= s ? 1 : 0),
        }).ToListAsync(ct);
        return rows.Select(r => (r.Key, new SatisfactionCounts(r.N, [r.A, r.B, r.C, r.D, r.E]))).ToList();
    }

    private sealed class CountRow<TKey>
    {
        public TKey Key { get; init; } = default!;
        public int N { get; init; }
        public int A { get; init; }
        public int B { get; init; }
        public int C { get; init; }
        public int D { get; init; }
        public int E { get; init; }
    }

    private IQueryable<SurveyResponse> Counted() =>
        db.Set<SurveyResponse>().AsNoTracking().Where(r => r.Status == SurveyResponseStatus.Counted);

    private static (int From, int To) Months(int year) => (year * 100 + 1, year * 100 + 12);
}

/// <summary>Shares and margins in files (two decimals, invariant) and on pages (one decimal, Vietnamese).</summary>
public static class SurveyNumbers
{
    public static string Invariant(double value) => Math.Round(value, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(double value) => Math.Round(value, 1).ToString("0.0", VnFormat.Culture) + "%";

    public static string Points(double value) => Math.Round(value, 1).ToString("0.0", VnFormat.Culture);
}
