namespace CchcPortal.Core.Common;

/// <summary>Validation errors keyed by field name ("" for the whole form); messages are Vietnamese.</summary>
public sealed class ValidationErrors
{
    private readonly List<KeyValuePair<string, string>> _errors = [];
    public IReadOnlyList<KeyValuePair<string, string>> All => _errors;
    public bool Any => _errors.Count > 0;
    public void Add(string field, string message) => _errors.Add(new(field, message));

    /// <summary>
    /// The one wording of every length limit: adds "{label} không được dài quá N ký tự." when <paramref name="value"/>
    /// is longer than <paramref name="max"/>. Returns whether the text fits.
    /// </summary>
    public bool MaxLength(string field, string? value, int max, string label)
    {
        if ((value?.Length ?? 0) <= max) return true;
        Add(field, TooLong(label, max));
        return false;
    }

    public static string TooLong(string label, int max) => $"{label} không được dài quá {VnFormat.Number(max)} ký tự.";
}

public sealed class OperationResult<T>
{
    public T? Value { get; private init; }
    public ValidationErrors Errors { get; private init; } = new();
    public bool Succeeded => !Errors.Any;
    public bool NotFound { get; private init; }

    public static OperationResult<T> Ok(T value) => new() { Value = value };
    public static OperationResult<T> Invalid(ValidationErrors errors) => new() { Errors = errors };
    public static OperationResult<T> Missing() => new() { NotFound = true, Errors = Single("", "Không tìm thấy nội dung yêu cầu.") };
    public static OperationResult<T> Fail(string field, string message) => new() { Errors = Single(field, message) };

    private static ValidationErrors Single(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return e;
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}
