namespace CchcPortal.Core.AntiSpam;

/// <summary>What a public form sends for the anti-spam checks.</summary>
public sealed record AntiSpamInput(string? Honeypot, string? AltchaPayload, string? QuestionToken, string? QuestionAnswer);

/// <summary>Why a post was refused; <see cref="AboutQuestion"/> when the fix is in the printed question.</summary>
public sealed record AntiSpamRejection(string Message, bool AboutQuestion = false);

/// <summary>
/// The checks a public form passes before its content is looked at: the honeypot, then either the proof of work
/// (solved by the ALTCHA widget when JavaScript runs) or the printed question (when it does not).
/// <para>
/// Why a question and not "accept without proof, moderate harder": every case is moderated anyway, so accepting
/// unproven posts would only move the spam into the moderators' queue (bots rarely run JavaScript, so they would
/// all take that road). A short question costs a person a few seconds, keeps what they wrote, and stops the
/// generic bots that do not read Vietnamese.
/// </para>
/// </summary>
public sealed class AntiSpamGuard(ProofOfWork proofOfWork, HumanQuestion question)
{
    public const string HoneypotMessage =
        "Không gửi được: biểu mẫu có dấu hiệu gửi tự động. Nếu bạn là người gửi thật, hãy để trống ô cuối cùng và gửi lại; nội dung của bạn vẫn được giữ bên dưới.";

    private const string Kept = " Nội dung bạn đã viết vẫn được giữ bên dưới.";

    /// <summary>Null when the post may go on; otherwise the Vietnamese message to show above the kept form.</summary>
    public AntiSpamRejection? Check(AntiSpamInput input)
    {
        if (!string.IsNullOrEmpty(input.Honeypot)) return new(HoneypotMessage);
        if (!string.IsNullOrWhiteSpace(input.AltchaPayload))
        {
            var message = proofOfWork.Verify(input.AltchaPayload) switch
            {
                PowVerdict.Valid => null,
                PowVerdict.Expired => "Phiên xác minh chống thư rác đã hết hạn. Hãy bấm “Gửi” lần nữa để xác minh lại." + Kept,
                PowVerdict.Replayed => "Lượt xác minh chống thư rác này đã được dùng cho một lần gửi trước. Hãy bấm “Gửi” lần nữa để xác minh lại." + Kept,
                _ => "Không kiểm tra được xác minh chống thư rác. Hãy bấm “Gửi” lần nữa; nếu vẫn không được, hãy trả lời câu hỏi kiểm tra." + Kept,
            };
            return message is null ? null : new(message);
        }
        var answer = question.Verify(input.QuestionToken, input.QuestionAnswer) switch
        {
            HumanAnswerVerdict.Valid => null,
            HumanAnswerVerdict.Missing =>
                "Chưa xác minh chống thư rác. Nếu trình duyệt bật JavaScript, hãy chờ ô xác minh hiện dấu tích; nếu không, hãy trả lời câu hỏi kiểm tra (ghi bằng chữ số) rồi gửi lại." + Kept,
            HumanAnswerVerdict.Wrong => "Câu trả lời câu hỏi kiểm tra chưa đúng. Hãy trả lời câu hỏi mới bên dưới (ghi bằng chữ số) rồi gửi lại." + Kept,
            HumanAnswerVerdict.Expired => "Câu hỏi kiểm tra đã hết hạn vì biểu mẫu mở đã lâu. Hãy trả lời câu hỏi mới bên dưới rồi gửi lại." + Kept,
            HumanAnswerVerdict.Replayed => "Câu hỏi kiểm tra này đã được dùng. Hãy trả lời câu hỏi mới bên dưới rồi gửi lại." + Kept,
            _ => "Không đọc được câu hỏi kiểm tra. Hãy trả lời câu hỏi mới bên dưới rồi gửi lại." + Kept,
        };
        return answer is null ? null : new(answer, AboutQuestion: true);
    }
}
