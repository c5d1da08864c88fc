using CchcPortal.Web.Infrastructure;
using CchcPortal.Web.Infrastructure.Backup;

namespace CchcPortal.Tests.Integration.ScaleOut;

/// <summary>With Portal:SharedPath elsewhere, a backup still holds media/ and private/ (as if in the data folder), and no file being written.</summary>
public class NodesSharedFolderBackupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-tests", "layout-" + Guid.NewGuid().ToString("N"));
    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, path);
    }

    [Fact]
    public void The_shared_media_and_attachments_are_state_files_and_resolve_back_to_the_shared_folder()
    {
        var data = Path.Combine(_root, "data");
        var shared = Path.Combine(_root, "shared");
        var paths = new PortalPaths(new PortalOptions { DataPath = data, SharedPath = shared }, _root);
        Touch(Path.Combine(data, "keys", "key-1.xml"));
        Touch(Path.Combine(data, "index", "segments_1"));
        Touch(Path.Combine(shared, "media", "images", "2026", "12", "a.jpg"));
        Touch(Path.Combine(shared, "media", "images", "2026", "12", ".b.jpg.0123.partial"));
        Touch(Path.Combine(shared, "private", "attachments", "2026", "12", "c.pdf"));
        Touch(Path.Combine(shared, "cache", "variants", "640", "images", "2026", "12", "a.jpg.webp"));

        Assert.Equal(["keys/key-1.xml", "media/images/2026/12/a.jpg", "private/attachments/2026/12/c.pdf"], DataFolderLayout.StateFiles(paths));
        Assert.Equal(Path.Combine(shared, "media", "images", "2026", "12", "a.jpg"), DataFolderLayout.FullPath(paths, "media/images/2026/12/a.jpg"));
        Assert.Equal(Path.Combine(data, "keys", "key-1.xml"), DataFolderLayout.FullPath(paths, "keys/key-1.xml"));
        Assert.Equal(Path.Combine(data, "index"), paths.SearchIndexPath);
    }
}
