namespace CchcPortal.Core.StaticPages;

/// <summary>An editable static page: Giới thiệu, Liên hệ, Chính sách bảo vệ dữ liệu cá nhân, ...</summary>
public class StaticPage
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public bool ShowInFooter { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
}
