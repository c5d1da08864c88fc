using CchcPortal.Core.Seeding;
using CchcPortal.Tests.Integration;
using CchcPortal.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CchcPortal.Tests.Unit;

/// <summary>The benchmark data grower's inputs and its guard against real databases.</summary>
public sealed class DemoDataTests
{
    private static IConfiguration Config(string? dataPath) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:DataPath"] = dataPath }).Build();

    [Fact]
    public void The_real_qa_samples_are_read_with_a_title_a_question_and_an_answer()
    {
        var folder = Path.GetDirectoryName(TestData.Fixture("qa", "bhxh-hoidap-3.jsonl"))!;
        var samples = QaSampleFile.LoadFolder(folder);
        // Fixtures/qa (a subset of ../shared/data/vn-research/qa, Fixtures/README.md): 3 + 2 + 2 records, one question
        // in both BHXH files.
        Assert.Equal(6, samples.Count);
        Assert.All(samples, s => Assert.True(s.Title.Length is > 5 and <= 130 && s.Question.Length > 20 && s.Answer.Length > 20, s.Title));
        Assert.DoesNotContain(samples, s => s.Question.StartsWith("Nội dung câu hỏi:") || s.Answer.StartsWith("Câu trả lời:"));
    }

    [Theory]
    [InlineData("/tmp/bench", new[] { "grow-demo-data", "--posts", "10" }, 2)] // no --confirm
    [InlineData("/tmp/bench", new[] { "grow-demo-data", "--posts", "x", "--confirm" }, 2)]
    [InlineData("", new[] { "grow-demo-data", "--posts", "10", "--confirm" }, 2)] // the default App_Data
    [InlineData("", new[] { "grow-demo-data", "--posts", "10", "--confirm", "--force" }, null)]
    [InlineData("/tmp/bench", new[] { "grow-demo-data", "--posts", "10", "--questions", "5", "--confirm" }, null)]
    [InlineData("", new[] { "import-procedures", "file.json" }, null)]
    public void Growing_demo_data_needs_confirm_and_a_data_folder_other_than_the_default(string dataPath, string[] args, int? exitCode) =>
        Assert.Equal(exitCode, CommandLine.RefusalBeforeStart(Config(dataPath), args));
}
