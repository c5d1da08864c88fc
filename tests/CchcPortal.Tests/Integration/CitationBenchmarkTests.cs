using System.Globalization;
using System.Text;
using System.Text.Json;
using CchcPortal.Core.Documents;
using Xunit.Abstractions;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Precision and recall of the citation extractor on the five real plans (content/seed/plans) against the hand labels in
/// Fixtures/plan-citations.json. Matching is by key and strict: a numbered reference matches when the
/// number's key is equal (case, diacritics and leading zeros folded); a law cited by name matches when the
/// folded names are equal, so a name cut short or run on counts as one false positive and one miss. Date,
/// issuer and span are not scored here (unit tests check them); the type name of each matched citation is
/// reported as a separate agreement figure.
/// </summary>
public class CitationBenchmarkTests(ITestOutputHelper output)
{
    // Set just under the measured figures (docs/benchmarks.md, "Citation extractor (issue 9)").
    private const double MinPrecision = 0.97;
    private const double MinRecall = 0.97;

    private sealed record Label(string Type, string? Number, string? Name)
    {
        public string Key => Number is not null ? DocumentNumber.Parse(Number).Key : DocumentCitation.NameKey(Name);
    }

    private sealed record Plan(string File, List<Label> Citations, List<string> Unscored);

    private sealed record Fixture(List<Plan> Plans);

    [Fact]
    public void Extractor_finds_the_hand_labelled_references_of_the_five_plans()
    {
        var fixture = JsonSerializer.Deserialize<Fixture>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "plan-citations.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Assert.Equal(5, fixture.Plans.Count);

        int tp = 0, fp = 0, fn = 0, typeAgree = 0;
        var report = new StringBuilder("| plan | labelled | extracted | correct | precision | recall |\n|---|---|---|---|---|---|\n");
        foreach (var plan in fixture.Plans)
        {
            var text = File.ReadAllText(TestData.Seed("plans", plan.File));
            var extracted = CitationExtractor.Extract(text);
            var gold = plan.Citations.ToDictionary(l => l.Key);
            Assert.Equal(plan.Citations.Count, gold.Count); // the fixture lists each document once

            var recalled = new HashSet<string>();
            int planTp = 0, planFp = 0;
            foreach (var c in extracted)
            {
                var keys = new[] { c.Key, DocumentCitation.NameKey(c.Name) }.Where(k => k.Length > 0 && gold.ContainsKey(k)).ToList();
                if (keys.Count == 0)
                {
                    planFp++;
                    output.WriteLine($"{plan.File}: false positive “{c.Text}” ({c.Key})");
                    continue;
                }
                planTp++;
                recalled.Add(keys[0]);
                if (gold[keys[0]].Type == c.TypeName) typeAgree++;
                else output.WriteLine($"{plan.File}: type “{c.TypeName}” for {keys[0]}, labelled “{gold[keys[0]].Type}”");
            }
            var planFn = gold.Keys.Count(k => !recalled.Contains(k));
            foreach (var missed in gold.Where(g => !recalled.Contains(g.Key)))
                output.WriteLine($"{plan.File}: missed {missed.Value.Type} {missed.Value.Number ?? missed.Value.Name}");
            tp += planTp; fp += planFp; fn += planFn;
            report.Append(Row(plan.File, gold.Count, extracted.Count, planTp, planFp, planFn));
        }
        report.Append(Row("**total**", tp + fn, tp + fp, tp, fp, fn));
        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        output.WriteLine(report.ToString());
        output.WriteLine($"type name agreement on matched citations: {typeAgree}/{tp}");

        Assert.True(precision >= MinPrecision, $"precision {precision:0.000} < {MinPrecision}");
        Assert.True(recall >= MinRecall, $"recall {recall:0.000} < {MinRecall}");
        Assert.Equal(tp, typeAgree);
    }

    private static string Row(string name, int labelled, int extracted, int tp, int fp, int fn)
    {
        string Ratio(int a, int b) => b == 0 ? "–" : (a / (double)b).ToString("0.000", CultureInfo.InvariantCulture);
        return $"| {name} | {labelled} | {extracted} | {tp} | {Ratio(tp, tp + fp)} | {Ratio(tp, tp + fn)} |\n";
    }
}
