using CchcPortal.Core.Search;

namespace CchcPortal.Tests.Unit.Search;

public class RebuildTimingsTests
{
    [Fact]
    public void The_log_line_names_each_source_with_its_documents_and_milliseconds_and_the_index_parts()
    {
        var timings = new RebuildTimings();
        timings.Loaded("procedure", 1601, TimeSpan.FromMilliseconds(812.4));
        timings.Loaded("news", 20, TimeSpan.FromMilliseconds(12));
        timings.Waited(TimeSpan.FromMilliseconds(100));
        timings.Waited(TimeSpan.FromMilliseconds(50));
        timings.Finished(TimeSpan.FromMilliseconds(230));

        Assert.Equal(1621, timings.Documents);
        Assert.Equal(TimeSpan.FromMilliseconds(150), timings.WaitingForIndex);
        Assert.True(timings.Total >= TimeSpan.Zero && timings.Cpu >= TimeSpan.Zero);
        var line = timings.ToString();
        Assert.Contains("for 1621 docs", line);
        Assert.Contains("loading: procedure 1601 docs 812 ms, news 20 docs 12 ms", line);
        Assert.Contains("waiting for the index 150 ms", line);
        Assert.Contains("index tail (last analysis, flush, commit) 230 ms", line);
    }
}
