using CchcPortal.Core.Agencies;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Questions;

/// <summary>
/// The receipt of a question just sent (post/redirect/get from the form): code, secret and what was sent, for the
/// browser holding the receipt cookie only; it can be reloaded, printed or saved, and is never cached.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class ReceiptModel(QuestionService questions, AgencyQueries agencies) : PageModel
{
    public QuestionCase? Case { get; private set; }
    public string Secret { get; private set; } = "";
    public string? AgencyName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (ReceiptCookie.Read(HttpContext) is { } receipt && await questions.TrackAsync(receipt.Code, receipt.Secret, ct) is { } found)
        {
            Case = found;
            Secret = receipt.Secret;
            if (found.AgencyId is { } id) AgencyName = (await agencies.ByIdAsync(id, ct))?.Name;
        }
        else Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public static string KindText(CaseKind kind) => kind switch
    {
        CaseKind.RegulationFeedback => "Phản ánh, kiến nghị về quy định hành chính",
        CaseKind.ConductFeedback => "Phản ánh về thái độ, hành vi của cán bộ khi giải quyết thủ tục",
        _ => "Câu hỏi về thủ tục hành chính, chính sách",
    };
}
