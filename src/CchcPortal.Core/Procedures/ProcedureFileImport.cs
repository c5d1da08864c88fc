namespace CchcPortal.Core.Procedures;

/// <summary>One entry point for procedure files: national JSON/JSONL (optionally gzipped) goes to the detail importer, a CSV/XLSX list to the list importer.</summary>
public sealed class ProcedureFileImport(ProcedureImporter details, ProcedureListImporter list)
{
    public Task<ProcedureImportReport> ImportAsync(byte[] content, string by, CancellationToken ct = default) =>
        IsJson(content) ? details.ImportAsync(content, by: by, ct: ct) : list.ImportAsync(content, by, ct);

    private static bool IsJson(byte[] content)
    {
        if (content.Length > 2 && content[0] == 0x1F && content[1] == 0x8B) return true;
        foreach (var b in content.Take(64))
        {
            if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0xEF or 0xBB or 0xBF) continue;
            return b is (byte)'{' or (byte)'[';
        }
        return false;
    }
}
