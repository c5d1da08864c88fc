namespace CchcPortal.Tests.Integration;

/// <summary>
/// The real data the tests read, all inside the repository, so a clone with nothing beside it passes: the seed
/// content (content/seed, shipped with the portal) and the test fixtures (tests/CchcPortal.Tests/Fixtures, copied
/// to the output folder; Fixtures/README.md names the source of each file). The full files of ../shared/data are
/// used only by the benchmarks.
/// </summary>
public static class TestData
{
    /// <summary>A file of content/seed.</summary>
    public static string Seed(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CchcPortal.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "repository root (CchcPortal.sln) not found above the test binaries");
        return Existing(System.IO.Path.Combine([dir!.FullName, "content", "seed", .. parts]));
    }

    /// <summary>A file of tests/CchcPortal.Tests/Fixtures (as copied next to the test binaries).</summary>
    public static string Fixture(params string[] parts) =>
        Existing(System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]));

    private static string Existing(string path)
    {
        Assert.True(File.Exists(path), $"test data file missing: {path}");
        return path;
    }
}
