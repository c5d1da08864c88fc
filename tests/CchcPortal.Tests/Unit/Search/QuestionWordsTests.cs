using CchcPortal.Search.Lucene;

namespace CchcPortal.Tests.Unit.Search;

public class QuestionWordsTests
{
    /// <summary>The words of <paramref name="query"/> that ask rather than name, space-separated as analysed (folded).</summary>
    private static string Asking(string query)
    {
        var (exact, folded) = (SearchFields.Exact.Terms(query).ToList(), SearchFields.Folded.Terms(query).ToList());
        var asks = QuestionWords.Find(exact, folded).Asks;
        return string.Join(' ', folded.Where((_, i) => asks[i]));
    }

    [Theory]
    [InlineData("đăng ký kết hôn cần giấy tờ gì", "can giay to gi")]
    [InlineData("dang ky ket hon can giay to gi", "giay to gi")]
    [InlineData("cấp lại bằng lái xe ở đâu", "o dau")]
    [InlineData("có phải xin phép khi sửa nhà không", "co phai xin khi khong")]
    [InlineData("cho em hỏi làm căn cước cho con dưới 14 tuổi", "cho em hoi lam cho")]
    [InlineData("thủ tục đăng ký hộ kinh doanh như thế nào", "thu tuc nhu the nao")]
    [InlineData("có được hưởng chế độ thai sản không ạ", "co duoc khong a")]
    public void Question_words_and_phrases_are_found_and_the_procedure_words_are_not(string query, string asking) =>
        Assert.Equal(asking, Asking(query));

    [Theory]
    [InlineData("xác nhận không có án tích", "khong")] // "không" inside the query names what is asked for
    [InlineData("lâm nghiệp", "lam")] // "lâm" is not "làm"
    [InlineData("lam can cuoc", "can")] // "can" without marks may be "căn": only "cần" typed with marks asks
    [InlineData("giấy phép xây dựng nhà ở", "o")] // "ở" alone is part of "nhà ở"
    [InlineData("thi bằng lái xe", "thi")] // "thi" without marks is an exam; "thì" asks
    public void Words_that_may_name_something_ask_only_where_they_cannot(string query, string naming) =>
        Assert.DoesNotContain(naming, Asking(query).Split(' '));

    [Fact]
    public void Asking_for_a_phone_number_or_a_hotline_points_at_the_directory()
    {
        static bool Contact(string q) => QuestionWords.Find(SearchFields.Exact.Terms(q).ToList(), SearchFields.Folded.Terms(q).ToList()).Contact;
        Assert.True(Contact("số điện thoại sở tư pháp"));
        Assert.True(Contact("duong day nong ubnd phuong"));
        Assert.False(Contact("đăng ký kết hôn"));
        Assert.Equal("so dien thoai", Asking("số điện thoại sở tư pháp"));
    }

    [Fact]
    public void A_query_of_question_words_only_asks_about_them()
    {
        var (exact, folded) = (SearchFields.Exact.Terms("thủ tục").ToList(), SearchFields.Folded.Terms("thủ tục").ToList());
        Assert.All(QueryTerms.Clauses(exact, folded), c => Assert.False(c.Asks));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(6, 5)]
    [InlineData(8, 6)]
    [InlineData(12, 9)]
    public void A_result_must_hold_all_of_a_short_query_and_most_of_a_long_one(int words, int toMatch) =>
        Assert.Equal(toMatch, QueryTerms.WordsToMatch(words));
}
