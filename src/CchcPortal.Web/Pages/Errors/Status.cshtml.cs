using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Errors;

/// <summary>Friendly Vietnamese error pages; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[OutputCache(PolicyName = CachePolicies.ErrorPages)]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    // From the route only: a re-executed POST whose form cannot be read must still show its own status, not 500.
    public void OnGet([FromRoute] int code) => Set(code);
    public void OnPost([FromRoute] int code) => Set(code);

    private void Set(int code)
    {
        // A code no error has (/loi/0, /loi/99999) is a page that does not exist.
        Code = code is >= 400 and <= 599 ? code : 404;
        // Only keep the status when re-executed for a real error; a direct visit to /loi/404 is itself a 404.
        Response.StatusCode = Code;
    }

    public (string Title, string Message) Text => Code switch
    {
        404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy kiểm tra lại đường dẫn, hoặc tìm kiếm nội dung cần tìm."),
        403 => ("Không có quyền truy cập", "Bạn không có quyền xem trang này."),
        400 => ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ hoặc phiên làm việc đã hết hạn. Vui lòng tải lại trang và thử lại."),
        405 => ("Yêu cầu không được hỗ trợ", "Trang này không hỗ trợ thao tác vừa thực hiện."),
        413 => ("Dữ liệu gửi lên quá lớn", "Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép."),
        429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
        _ => ("Hệ thống đang gặp sự cố", "Đã có lỗi xảy ra phía máy chủ. Chúng tôi đã ghi nhận sự cố; vui lòng thử lại sau ít phút."),
    };
}
