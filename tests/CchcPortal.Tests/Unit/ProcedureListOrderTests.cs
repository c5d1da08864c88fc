using CchcPortal.Core.Procedures;
using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Procedures;
using Microsoft.AspNetCore.Http;

namespace CchcPortal.Tests.Unit;

/// <summary>The order a procedure list applies, with and without a ready search index.</summary>
public class ProcedureListOrderTests
{
    private sealed class StubIndex(long? sequence, params string[] keys) : ISearchIndex
    {
        public long? CommittedSequence => sequence;
        public int DocumentCount => keys.Length;
        public IReadOnlyList<string> RankedKeys(SearchQuery query, int max) => keys;
        public IReadOnlyList<IndexingFailure> Apply(IEnumerable<SearchDocument> upserts, IEnumerable<string> deleteKeys, IEnumerable<string> replaceKinds, long sequence) => throw new NotSupportedException();
        public IReadOnlyList<IndexingFailure> Rebuild(IEnumerable<SearchDocument> documents, long sequence) => throw new NotSupportedException();
        public SearchResults Search(SearchQuery query) => throw new NotSupportedException();
        public IReadOnlyList<SearchSuggestion> Suggest(string text, int max = 8) => throw new NotSupportedException();
    }

    [Fact]
    public void Search_words_default_to_relevance_in_the_index_order()
    {
        var order = ProcedureListOrder.Resolve(new DefaultHttpContext(), new ProcedureRanking(new StubIndex(5, "procedure:7", "article:3", "procedure:2")), "khai sinh", null);
        Assert.Equal(ProcedureSort.Relevance, order.Sort);
        Assert.Equal(new[] { 7, 2 }, order.Ranking!);
        Assert.False(order.RelevanceUnavailable);
    }

    [Fact]
    public void Without_a_ready_index_the_list_falls_back_to_names_and_says_so()
    {
        var order = ProcedureListOrder.Resolve(new DefaultHttpContext(), new ProcedureRanking(new StubIndex(null)), "khai sinh", ProcedureSort.Relevance);
        Assert.Equal(new ProcedureListOrder(ProcedureSort.Name, null, true), order);
    }

    [Fact]
    public void A_chosen_order_or_no_search_words_needs_no_ranking()
    {
        var ranking = new ProcedureRanking(new StubIndex(5, "procedure:7"));
        Assert.Equal(new ProcedureListOrder(ProcedureSort.Code, null, false), ProcedureListOrder.Resolve(new DefaultHttpContext(), ranking, "khai sinh", ProcedureSort.Code));
        Assert.Equal(new ProcedureListOrder(ProcedureSort.Name, null, false), ProcedureListOrder.Resolve(new DefaultHttpContext(), ranking, null, null));
        Assert.Equal(new ProcedureListOrder(ProcedureSort.Name, null, false), ProcedureListOrder.Resolve(new DefaultHttpContext(), ranking, " ", ProcedureSort.Relevance));
    }
}
