using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

/// <summary>
/// The result of a change to the library. Besides the Vietnamese errors it carries what the editor needs to act:
/// the document that already holds the number (<see cref="Duplicate"/>), the documents sharing a typed number
/// (<see cref="Choices"/>, one to pick), or those that block a deletion (<see cref="Blockers"/>).
/// </summary>
public sealed class DocumentOutcome
{
    public LegalDocument? Document { get; init; }
    public ValidationErrors Errors { get; init; } = new();
    public bool NotFound { get; init; }
    public LegalDocument? Duplicate { get; init; }
    public IReadOnlyList<LegalDocument> Choices { get; init; } = [];
    public IReadOnlyList<LegalDocument> Blockers { get; init; } = [];
    public bool Succeeded => !NotFound && !Errors.Any;

    public static DocumentOutcome Ok(LegalDocument document) => new() { Document = document };
    public static DocumentOutcome Missing() => new() { NotFound = true };

    public static DocumentOutcome Fail(string field, string message, IReadOnlyList<LegalDocument>? choices = null)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return new DocumentOutcome { Errors = errors, Choices = choices ?? [] };
    }
}

/// <summary>A document found by the số ký hiệu an editor typed; or why not, with the candidates when several share it.</summary>
public sealed record DocumentReference(LegalDocument? Document, string? Error, IReadOnlyList<LegalDocument> Choices);
