using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Contests;

/// <summary>What a participant types when registering; which fields are required is the contest's choice.</summary>
public sealed class RegistrationInput
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Unit { get; set; }
    public string? Commune { get; set; }
    /// <summary>The tie-break guess as typed (digits, separators allowed: "1.250").</summary>
    public string? TieBreakGuess { get; set; }
}

/// <summary>The checked, normalised registration, or the Vietnamese messages of what is wrong (field names as in <see cref="RegistrationInput"/>).</summary>
public static class ContestRegistration
{
    public sealed record Checked(string Name, string Phone, string Unit, string Commune, int Guess);

    public static (Checked? Value, ValidationErrors Errors) Check(Contest contest, RegistrationInput input)
    {
        var errors = new ValidationErrors();
        var name = VietnameseText.Normalize(input.Name);
        var unit = VietnameseText.Normalize(input.Unit);
        var commune = VietnameseText.Normalize(input.Commune);
        var phoneText = VietnameseText.Normalize(input.Phone);

        if (contest.RequireName && name.Length == 0) errors.Add(nameof(input.Name), "Vui lòng nhập họ và tên.");
        errors.MaxLength(nameof(input.Name), name, ContestLimits.Name, "Họ và tên");
        if (contest.RequireUnit && unit.Length == 0) errors.Add(nameof(input.Unit), "Vui lòng nhập đơn vị công tác hoặc học tập.");
        errors.MaxLength(nameof(input.Unit), unit, ContestLimits.Unit, "Đơn vị");
        if (contest.RequireCommune && commune.Length == 0) errors.Add(nameof(input.Commune), "Vui lòng nhập xã/phường nơi bạn sinh sống.");
        errors.MaxLength(nameof(input.Commune), commune, ContestLimits.Commune, "Xã/phường");

        var phone = "";
        if (phoneText.Length == 0)
        {
            if (contest.RequirePhone) errors.Add(nameof(input.Phone), "Vui lòng nhập số điện thoại.");
        }
        else if (!PhoneNumber.TryParse(phoneText, out var parsed, out var phoneError))
            errors.Add(nameof(input.Phone), phoneError!);
        else if (parsed!.Kind is not (PhoneKind.Mobile or PhoneKind.Landline))
            errors.Add(nameof(input.Phone), "Vui lòng nhập số di động hoặc số cố định của bạn (không nhận tổng đài, số ngắn).");
        else
            phone = parsed.National;

        var guessText = new string(VietnameseText.Normalize(input.TieBreakGuess).Where(c => c is not ('.' or ',' or ' ')).ToArray());
        var guess = 0;
        if (guessText.Length == 0)
            errors.Add(nameof(input.TieBreakGuess), $"Vui lòng trả lời câu hỏi phụ: {contest.TieBreakQuestion.TrimEnd('?', '.')}.");
        else if (!guessText.All(char.IsAsciiDigit) || guessText.Length > 9 || (guess = int.Parse(guessText)) > ContestLimits.MaxTieBreakGuess)
            errors.Add(nameof(input.TieBreakGuess), $"Câu hỏi phụ cần một số nguyên từ 0 đến {VnFormat.Number(ContestLimits.MaxTieBreakGuess)}.");

        return (errors.Any ? null : new Checked(name, phone, unit, commune, guess), errors);
    }

    /// <summary>Who the person is for the attempts limit: the phone when the contest requires it, else the device.</summary>
    public static string PersonKey(Contest contest, Checked person, string deviceId) =>
        contest.RequirePhone ? "phone:" + person.Phone : "device:" + deviceId;
}
