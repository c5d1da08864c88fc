using CchcPortal.Core.Common;

namespace CchcPortal.Core.Search.Vocabulary;

/// <summary>What makes an entry valid, for the form, the import and the seed file alike. Messages are Vietnamese.</summary>
public static class VocabularyRules
{
    public const string KeyField = "Key", OfficialField = "Official", GroupField = "Group";

    /// <summary>The errors of one line (duplicates across lines are the caller's: it knows the stored keys).</summary>
    public static ValidationErrors Check(VocabularyLine line)
    {
        var errors = new ValidationErrors();
        if (!HasWord(line.Key)) errors.Add(KeyField, "Vui lòng nhập cách nói của người dân (ít nhất một chữ hoặc số).");
        else errors.MaxLength(KeyField, line.Key, SearchVocabularyEntry.MaxKey, "Cách nói của người dân");
        var officials = line.Officials;
        if (officials.Count == 0 || !officials.All(HasWord)) errors.Add(OfficialField, "Vui lòng nhập cách gọi chính thức (ít nhất một chữ hoặc số).");
        else if (errors.MaxLength(OfficialField, line.Official, SearchVocabularyEntry.MaxOfficial, "Cách gọi chính thức"))
        {
            if (line.Kind == VocabularyKind.Equivalent && officials.Count > 1)
                errors.Add(OfficialField, "Từ tương đương chỉ có một cách gọi chính thức (dùng loại \"mở rộng\" để thêm nhiều cách gọi, ngăn cách bằng dấu ;).");
            if (HasWord(line.Key) && officials.Any(o => Words(o) == Words(line.Key)))
                errors.Add(OfficialField, "Cách gọi chính thức phải khác cách nói của người dân.");
        }
        errors.MaxLength(GroupField, line.Group, SearchVocabularyEntry.MaxGroup, "Nhóm");
        return errors;
    }

    public static string DuplicateMessage(string key) => $"Cách nói \"{key}\" đã có trong từ điển.";

    /// <summary>The words as search compares them: lower case, without marks, without punctuation.</summary>
    public static string Words(string text) =>
        string.Join(' ', VietnameseText.Fold(text).Split(c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0));

    private static bool HasWord(string text) => text.Any(char.IsLetterOrDigit);

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
            if (i == text.Length || separator(text[i]))
            {
                words.Add(text[start..i]);
                start = i + 1;
            }
        return words.ToArray();
    }
}
