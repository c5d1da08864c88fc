using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace CchcPortal.Media.Documents;

/// <summary>
/// Finds, and optionally removes, what a PDF can run or carry besides its pages: JavaScript (document-level in the
/// name tree, /OpenAction, /AA triggers of the catalog, pages, annotations and form fields), actions that launch
/// programs, submit or import data or open other files, URI links other than http, https and mailto, embedded
/// files and file-attachment, rich-media, screen and sound annotations, and XFA forms.
/// Every indirect object is visited (and the direct objects inside it), not only the usual places, so an action
/// hidden in an outline item or a form field is found too.
/// </summary>
public static class PdfActiveContent
{
    private static readonly HashSet<string> DangerousActions =
    [
        "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/GoToR", "/Rendition", "/RichMediaExecute", "/Sound", "/Movie",
    ];

    private static readonly HashSet<string> DangerousAnnotations = ["/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"];

    /// <summary>Keys whose whole value is active content: triggers, scripts, embedded files, XFA, rich media.</summary>
    private static readonly HashSet<string> DangerousKeys =
    [
        "/AA", "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/XFA", "/RichMediaContent", "/RichMediaSettings",
    ];

    private static readonly string[] SafeUriSchemes = ["http:", "https:", "mailto:"];

    /// <summary>Removes every active part; returns what was removed (empty for a plain document).</summary>
    public static IReadOnlyList<string> Remove(PdfDocument document) => Walk(document, remove: true);

    /// <summary>What active content the document holds, without changing it.</summary>
    public static IReadOnlyList<string> Find(PdfDocument document) => Walk(document, remove: false);

    private static List<string> Walk(PdfDocument document, bool remove)
    {
        var found = new List<string>();
        var seen = new HashSet<PdfItem>(ReferenceEqualityComparer.Instance);
        // References first: an action is dropped from the key that points at it while it can still be recognised.
        foreach (var item in Roots(document)) Visit(item, remove, found, seen, DropReferences);
        seen.Clear();
        // Then whatever dangerous object is left, wherever it was referenced from, is emptied in place.
        foreach (var item in Roots(document)) Visit(item, remove, found, seen, EmptyDangerousObject);
        return found;
    }

    private static IEnumerable<PdfItem> Roots(PdfDocument document) => document.Internals.GetAllObjects();

    private delegate void Rule(PdfDictionary dictionary, bool remove, List<string> found);

    /// <summary>
    /// Applies the rule to every dictionary reachable through direct objects (indirect ones are roots of their own),
    /// with a stack of our own: a hostile file may nest arrays deeper than the call stack allows.
    /// </summary>
    private static void Visit(PdfItem root, bool remove, List<string> found, HashSet<PdfItem> seen, Rule rule)
    {
        var pending = new Stack<PdfItem>([root]);
        while (pending.TryPop(out var item))
        {
            if (item is not (PdfDictionary or PdfArray) || !seen.Add(item)) continue;
            if (item is PdfDictionary dictionary)
            {
                rule(dictionary, remove, found); // before its children are listed: what it removes is not visited
                foreach (var key in dictionary.Elements.Keys.ToList())
                    if (dictionary.Elements[key] is { } child) pending.Push(child);
            }
            else
                foreach (var child in ((PdfArray)item).Elements) pending.Push(child);
        }
    }

    private static void DropReferences(PdfDictionary dictionary, bool remove, List<string> found)
    {
        var elements = dictionary.Elements;
        foreach (var key in elements.Keys.Where(DangerousKeys.Contains).ToList())
        {
            found.Add(key);
            if (remove) elements.Remove(key);
        }
        foreach (var key in (string[])["/OpenAction", "/A", "/Next"])
        {
            switch (Resolve(elements[key]))
            {
                case PdfDictionary action when Danger(action) is { } danger:
                    found.Add($"{key} {danger}");
                    if (remove) elements.Remove(key);
                    break;
                case PdfArray actions when key == "/Next":
                    for (var i = actions.Elements.Count - 1; i >= 0; i--)
                        if (Resolve(actions.Elements[i]) is PdfDictionary next && Danger(next) is { } nextDanger)
                        {
                            found.Add($"/Next {nextDanger}");
                            if (remove) actions.Elements.RemoveAt(i);
                        }
                    break;
            }
        }
        if (Resolve(elements["/Annots"]) is PdfArray annotations)
            for (var i = annotations.Elements.Count - 1; i >= 0; i--)
                if (Resolve(annotations.Elements[i]) is PdfDictionary annotation && DangerousAnnotations.Contains(annotation.Elements.GetName("/Subtype")))
                {
                    found.Add("annotation " + annotation.Elements.GetName("/Subtype"));
                    if (remove) annotations.Elements.RemoveAt(i);
                }
    }

    private static void EmptyDangerousObject(PdfDictionary dictionary, bool remove, List<string> found)
    {
        var danger = Danger(dictionary) ?? (dictionary.Elements.GetName("/Type") == "/EmbeddedFile" ? "/EmbeddedFile" : null);
        if (danger is null) return;
        found.Add(danger);
        if (!remove) return;
        dictionary.Elements.Clear();
        if (dictionary.Stream is not null) dictionary.Stream.Value = [];
    }

    /// <summary>Why an action dictionary is dangerous, or null when it is not an action or a harmless one.</summary>
    private static string? Danger(PdfDictionary action)
    {
        var type = action.Elements.GetName("/S");
        if (DangerousActions.Contains(type)) return type;
        if (type != "/URI") return null;
        var uri = Resolve(action.Elements["/URI"]) is PdfString s ? s.Value.Trim() : "";
        return SafeUriSchemes.Any(scheme => uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) ? null : "/URI " + uri;
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;
}
