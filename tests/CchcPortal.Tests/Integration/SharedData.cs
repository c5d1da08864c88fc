namespace CchcPortal.Tests.Integration;

/// <summary>The real public data beside the repository (../shared/data), as CI lays it out.</summary>
public static class SharedData
{
    public static string Path(params string[] parts)
    {
        if (Environment.GetEnvironmentVariable("CCHC_SHARED_DATA") is { Length: > 0 } overridden)
            return Existing(System.IO.Path.Combine([overridden, .. parts]));
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CchcPortal.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "repository root (CchcPortal.sln) not found above the test binaries");
        return Existing(System.IO.Path.Combine([dir!.Parent!.FullName, "shared", "data", .. parts]));
    }

    private static string Existing(string path)
    {
        Assert.True(File.Exists(path), $"real data file missing: {path} (the tests need ../shared/data beside the clone, or CCHC_SHARED_DATA)");
        return path;
    }
}
