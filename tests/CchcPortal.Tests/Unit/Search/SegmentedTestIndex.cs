using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>A small index committed in several batches (so several segments), for tests of how segments are searched.</summary>
public static class SegmentedTestIndex
{
    private static readonly string[] Topics =
    [
        "đăng ký khai sinh", "đăng ký kết hôn", "cấp giấy phép xây dựng", "chứng thực bản sao", "hộ kinh doanh",
        "dang ky thuong tru", "cấp lại căn cước", "cáp quang viễn thông",
    ];
    private static readonly string[] Fields = ["Hộ tịch", "Xây dựng", "Chứng thực", "Kinh doanh"];

    public static SearchDocument Doc(int id) => new()
    {
        Key = SearchDocument.KeyOf(ContentKinds.Procedure, id),
        Kind = id % 3 == 0 ? ContentKinds.News : ContentKinds.Procedure,
        Title = $"{Topics[id % Topics.Length]} số {id}",
        Summary = id % 5 == 0 ? Topics[(id + 3) % Topics.Length] : "",
        Body = string.Join(' ', Enumerable.Range(0, 1 + id % 4).Select(i => Topics[(id * 7 + i) % Topics.Length])),
        Keywords = id % 7 == 0 ? "giấy khai sinh bản sao" : "",
        ProcedureCode = id % 3 == 0 ? null : $"1.{id:000000}",
        Url = $"/p/{id}",
        Fields = [Fields[id % Fields.Length]],
        Years = [2020 + id % 5],
    };

    /// <summary>Builds the index in <paramref name="path"/>: 240 documents in 4 commits, then every 11th deleted (searches must skip them).</summary>
    public static void Build(string path)
    {
        using var index = new LuceneSearchIndex(path);
        for (var batch = 0; batch < 4; batch++)
            index.Apply(Enumerable.Range(batch * 60, 60).Select(Doc), [], [], batch + 1);
        index.Apply([], Enumerable.Range(0, 240).Where(id => id % 11 == 0).Select(id => Doc(id).Key), [], 5);
    }
}
