using CchcPortal.Core.Questions;

namespace CchcPortal.Tests.Unit;

public class QuestionSimilarityTests
{
    private static readonly DateTime Day = new(2026, 10, 1, 3, 0, 0, DateTimeKind.Utc);

    private static QuestionSimilarity.Candidate C(string code, string title, string question = "", int daysAgo = 0) =>
        new(new PublishedText(code, title, question, "Sở Tư pháp", Day.AddDays(-daysAgo)));

    private static readonly QuestionSimilarity.Candidate[] Corpus =
    [
        C("HD-1", "Đăng ký khai sinh cho con ở phường cần giấy tờ gì?", "Con tôi sinh ở bệnh viện tỉnh.", 10),
        C("HD-2", "Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", "Tôi muốn xây nhà, cần làm khai sinh cho con trước không?", 1),
        C("HD-3", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài", "Hồ sơ gồm những gì?", 5),
        C("HD-4", "Cấp lại giấy khai sinh bị mất", "Bản chính giấy khai sinh bị thất lạc.", 30),
    ];

    private static List<string> Codes(string draft, int max = 5) => QuestionSimilarity.Rank(draft, Corpus, max).Select(t => t.Code).ToList();

    [Fact]
    public void Words_with_and_without_diacritics_match_alike()
    {
        Assert.Equal(Codes("khai sinh cho con"), Codes("khai sinh cho con".Normalize(System.Text.NormalizationForm.FormD)));
        Assert.Equal(Codes("Khai sinh cho con"), Codes("khai sinh cho con"));
        Assert.Equal("HD-1", Codes("khai sinh cho con")[0]);
        Assert.Equal(Codes("Đăng ký khai sinh"), Codes("dang ky khai sinh"));
    }

    [Fact]
    public void A_title_match_outranks_a_match_in_the_question_only()
    {
        var codes = Codes("khai sinh cho con");
        // HD-2 mentions "khai sinh cho con" only in its question text: it comes after every title match.
        Assert.Equal(["HD-1", "HD-4", "HD-2"], codes);
    }

    [Fact]
    public void Function_words_alone_match_nothing_and_one_shared_word_is_not_enough()
    {
        Assert.Empty(Codes("cho tôi hỏi có được không"));
        Assert.Empty(Codes("đổi bằng lái xe máy")); // only "lại"/"lái" (both fold to "lai") in HD-4: one word is not enough
        Assert.Equal(["HD-4"], Codes("giấy khai sinh bị mất", 1));
    }

    [Fact]
    public void At_most_max_results_and_ties_go_to_the_most_recent_answer()
    {
        var many = Enumerable.Range(1, 8).Select(i => C($"HD-{i}", "Đăng ký thường trú cho con", "", daysAgo: i)).ToList();
        var ranked = QuestionSimilarity.Rank("đăng ký thường trú", many, 5);
        Assert.Equal(["HD-1", "HD-2", "HD-3", "HD-4", "HD-5"], ranked.Select(r => r.Code));
    }
}
