using CchcPortal.Core.Common;

namespace CchcPortal.Core.Contests;

/// <summary>
/// What makes a question acceptable, shared by the form and the Excel import, and the import's columns: the template
/// has Vietnamese headers, which the reader maps to short names.
/// </summary>
public static class ContestQuestionRules
{
    public sealed record Value(string Text, string A, string B, string C, string D, string Correct, string LegalSource);

    public static readonly string[] Columns = ["cau_hoi", "a", "b", "c", "d", "dap_an", "can_cu"];

    /// <summary>The template's headers, in the order of <see cref="Columns"/>.</summary>
    public static readonly string[] Headers = ["Câu hỏi", "Phương án A", "Phương án B", "Phương án C", "Phương án D", "Đáp án đúng", "Căn cứ pháp lý"];

    public static readonly IReadOnlyDictionary<string, string> Aliases =
        Headers.Zip(Columns).ToDictionary(p => VietnameseText.Normalize(p.First).ToLowerInvariant(), p => p.Second);

    private static readonly Dictionary<string, string> FieldColumns = new()
    {
        [nameof(QuestionInput.Text)] = Headers[0], [nameof(QuestionInput.OptionA)] = Headers[1], [nameof(QuestionInput.OptionB)] = Headers[2],
        [nameof(QuestionInput.OptionC)] = Headers[3], [nameof(QuestionInput.OptionD)] = Headers[4], [nameof(QuestionInput.Correct)] = Headers[5],
        [nameof(QuestionInput.LegalSource)] = Headers[6],
    };

    public static string ColumnOf(string field) => FieldColumns.GetValueOrDefault(field, "");

    public static QuestionInput FromRow(TableRow row) => new()
    {
        Text = row["cau_hoi"], OptionA = row["a"], OptionB = row["b"], OptionC = row["c"], OptionD = row["d"], Correct = row["dap_an"], LegalSource = row["can_cu"],
    };

    /// <summary>The checked question, or null after reporting each problem with its field and a Vietnamese message.</summary>
    public static Value? Check(QuestionInput input, Action<string, string> error)
    {
        var ok = true;
        void Fail(string field, string message) { ok = false; error(field, message); }
        string Field(string field, string? text, int max, string label, bool required = true)
        {
            var value = VietnameseText.Normalize(text);
            if (required && value.Length == 0) Fail(field, $"Thiếu {label.ToLower(VnFormat.Culture)}.");
            else if (value.Length > max) Fail(field, ValidationErrors.TooLong(label, max));
            return value;
        }
        var text = Field(nameof(input.Text), input.Text, ContestLimits.QuestionText, "Nội dung câu hỏi");
        var a = Field(nameof(input.OptionA), input.OptionA, ContestLimits.Option, "Phương án A");
        var b = Field(nameof(input.OptionB), input.OptionB, ContestLimits.Option, "Phương án B");
        var c = Field(nameof(input.OptionC), input.OptionC, ContestLimits.Option, "Phương án C");
        var d = Field(nameof(input.OptionD), input.OptionD, ContestLimits.Option, "Phương án D");
        var source = Field(nameof(input.LegalSource), input.LegalSource, ContestLimits.LegalSource, "Căn cứ pháp lý");
        var correct = VietnameseText.Normalize(input.Correct).ToUpperInvariant();
        if (!ContestQuestion.Letters.Contains(correct)) Fail(nameof(input.Correct), "Đáp án đúng phải là một trong A, B, C, D.");
        var options = new[] { a, b, c, d }.Where(o => o.Length > 0).ToList();
        if (options.Count == 4 && options.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 4) Fail(nameof(input.OptionA), "Bốn phương án phải khác nhau.");
        return ok ? new Value(text, a, b, c, d, correct, source) : null;
    }

    public static void Apply(Value v, ContestQuestion q)
    {
        q.Text = v.Text;
        q.OptionA = v.A;
        q.OptionB = v.B;
        q.OptionC = v.C;
        q.OptionD = v.D;
        q.Correct = v.Correct;
        q.LegalSource = v.LegalSource;
    }

    /// <summary>The Excel template to download: the headers and one example row to overwrite.</summary>
    public static byte[] Template() => TabularFile.WriteXlsx("Cau hoi", Headers,
    [
        new Dictionary<string, string>
        {
            [Headers[0]] = "Thời hạn giải quyết thủ tục đăng ký khai sinh là bao lâu? (dòng mẫu, hãy thay)",
            [Headers[1]] = "Ngay trong ngày tiếp nhận hồ sơ", [Headers[2]] = "3 ngày làm việc",
            [Headers[3]] = "5 ngày làm việc", [Headers[4]] = "15 ngày", [Headers[5]] = "A",
            [Headers[6]] = "Khoản 2 Điều 16 Luật Hộ tịch 2014",
        },
    ]);
}
