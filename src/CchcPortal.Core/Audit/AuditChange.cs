using System.Text.Json;

namespace CchcPortal.Core.Audit;

/// <summary>The before/after of changed fields, written as the JSON of <see cref="AuditEntry.Changes"/>.</summary>
public sealed class AuditChanges
{
    private readonly Dictionary<string, object?[]> _fields = new(StringComparer.Ordinal);

    /// <summary>Adds a field only when its value changed.</summary>
    public AuditChanges Field(string name, object? before, object? after)
    {
        if (!Equals(before, after)) _fields[name] = [before, after];
        return this;
    }

    public bool IsEmpty => _fields.Count == 0;

    public string ToJson() => IsEmpty ? "" : JsonSerializer.Serialize(
        _fields.ToDictionary(f => f.Key, f => new { before = f.Value[0], after = f.Value[1] }),
        new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
