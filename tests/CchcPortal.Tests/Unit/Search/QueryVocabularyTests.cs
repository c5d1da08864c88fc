using CchcPortal.Search.Lucene;

namespace CchcPortal.Tests.Unit.Search;

public class QueryVocabularyTests
{
    private static IReadOnlyList<string> Expansions(string query) =>
        QueryVocabulary.ExpansionsOf(SearchFields.Exact.Terms(query), SearchFields.Folded.Terms(query)).Select(w => string.Join(' ', w)).ToList();

    [Theory]
    [InlineData("đổi tên trong giấy khai sinh")]
    [InlineData("doi ten trong giay khai sinh")]
    [InlineData("Đổi Tên")]
    public void A_colloquial_phrase_brings_the_official_wording_typed_with_or_without_marks(string query) =>
        Assert.Equal(["thay doi cai chinh bo sung thong tin ho tich"], Expansions(query));

    [Fact]
    public void A_word_typed_with_other_marks_is_another_word() =>
        // "lâm" (as in Lâm Đồng) is not "làm"; "lam" typed without marks may be either.
        Assert.Empty(Expansions("sở tư pháp lâm đồng"));

    [Fact]
    public void Several_phrases_give_each_wording_once_and_a_phrase_must_stand_together()
    {
        Assert.Equal(["cap", "dang ky", "giay chung nhan quyen su dung dat"], Expansions("lam so do xin cap"));
        Assert.Empty(Expansions("sổ tay đỏ"));
    }

    [Fact]
    public void Abbreviations_and_everyday_names_stand_for_the_official_wording()
    {
        var query = "cấp lại cmnd và sổ đỏ";
        var equivalents = QueryVocabulary.EquivalentsOf(SearchFields.Exact.Terms(query), SearchFields.Folded.Terms(query));
        Assert.Equal([(2, 1, "can cuoc"), (4, 2, "giay chung nhan quyen su dung dat")],
            equivalents.Select(e => (e.Start, e.Length, string.Join(' ', e.Official))));
        // Their wordings also weigh in titles, once each.
        Assert.Equal(["can cuoc", "giay chung nhan quyen su dung dat"], Expansions(query));
        Assert.Empty(QueryVocabulary.EquivalentsOf(SearchFields.Exact.Terms("sổ tay đỏ"), SearchFields.Folded.Terms("sổ tay đỏ")));
    }

    [Fact]
    public void Words_of_an_everyday_wording_typed_as_the_vocabulary_writes_them_are_known()
    {
        IReadOnlySet<int> Known(string query) => QueryVocabulary.KnownWords(SearchFields.Exact.Terms(query), SearchFields.Folded.Terms(query));
        Assert.Equal([1, 2], Known("cấp sổ đỏ lần đầu").Order());
        Assert.Equal([1, 2], Known("cap so do lan dau").Order());
        Assert.Equal([0, 1], Known("đổi tên trong giấy khai sinh").Order());
        // Other marks are another word, and the words must stand together.
        Assert.Empty(Known("cấp sổ đồ lần đầu"));
        Assert.Empty(Known("sổ tay đỏ"));
    }
}
