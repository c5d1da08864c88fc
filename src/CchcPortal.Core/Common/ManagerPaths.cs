namespace CchcPortal.Core.Common;

/// <summary>
/// The manager pages that Core links to: where to edit a page that uses a media file, and the case links of staff
/// e-mails. The public pages' paths are in <see cref="PublicPaths"/>.
/// </summary>
public static class ManagerPaths
{
    public static string PostEdit(int id) => $"/quan-tri/bai-viet/sua/{id}";
    public static string StaticPageEdit(int id) => $"/quan-tri/trang/{id}";
    public static string MediaEdit(int id) => $"/quan-tri/thu-vien/{id}";
    public static string EpisodeEdit(int id) => $"/quan-tri/hoi-dap/chuong-trinh/sua/{id}";
    public static string ProcedureEdit(string code) => $"/quan-tri/thu-tuc/{code}";
    public static string DocumentEdit(int id) => $"/quan-tri/van-ban/sua/{id}";
    public const string Cases = "/quan-tri/hoi-dap";
    public static string Case(int id) => $"/quan-tri/hoi-dap/{id}";
}
