using CchcPortal.Core.Contests;
using Microsoft.AspNetCore.Antiforgery;

namespace CchcPortal.Web.Features.Contests;

/// <summary>
/// POST /cuoc-thi/bai-thi/{token}/luu: the script saves each answer as it is chosen, so a reload keeps it. The same
/// form fields and antiforgery token as the answer page; the reply says only whether it was kept, never whether it is right.
/// </summary>
public static class ContestAnswerEndpoint
{
    public static void MapContestAnswerEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/cuoc-thi/bai-thi/{token}/luu", SaveAsync).RequireRateLimiting(ContestPolicies.PostLimit);

    private static async Task<IResult> SaveAsync(string token, HttpContext http, IAntiforgery antiforgery, ContestDevice device,
        ContestParticipation participation, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType) return Problem(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ.");
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Phiên làm bài đã hết hạn. Vui lòng tải lại trang.");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var participant = await ParticipantOfAttemptAsync(http, device, participation, token, ct);
        if (participant is null || !int.TryParse(form["questionId"], out var questionId))
            return Problem(StatusCodes.Status404NotFound, "Không tìm thấy bài thi.");
        return await participation.SaveAnswerAsync(token, participant.Value, questionId, form["option"].ToString(), ct) switch
        {
            AnswerSaveOutcome.Saved => Results.NoContent(),
            AnswerSaveOutcome.InvalidOption => Problem(StatusCodes.Status422UnprocessableEntity, "Vui lòng chọn một trong các phương án A, B, C, D."),
            AnswerSaveOutcome.TooLate => Problem(StatusCodes.Status409Conflict, "Đã hết giờ làm bài: câu trả lời này không được tính."),
            _ => Problem(StatusCodes.Status404NotFound, "Không tìm thấy bài thi."),
        };
    }

    /// <summary>The participant id of this device in the contest the attempt belongs to.</summary>
    private static async Task<int?> ParticipantOfAttemptAsync(HttpContext http, ContestDevice device, ContestParticipation participation, string token, CancellationToken ct)
    {
        var deviceId = device.Read(http);
        if (deviceId is null || await participation.ContestOfAttemptAsync(token, ct) is not { } contestId) return null;
        return (await participation.ParticipantAsync(contestId, deviceId, ct))?.Id;
    }

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
