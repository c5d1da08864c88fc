namespace CchcPortal.Core.Common;

/// <summary>What is wrong in one cell of an imported table: its row, its column, and a Vietnamese message.</summary>
public sealed record ImportIssue(int Row, string Column, string Message);

/// <summary>
/// What an import of a table (agencies, index results) did, or why it wrote nothing: a file that cannot be read,
/// or issues in its rows.
/// </summary>
public sealed class ImportReport
{
    public int Added { get; set; }
    public int Updated { get; set; }
    /// <summary>Rows already as the file has them (counted by the agency import).</summary>
    public int Unchanged { get; set; }
    public string? FileError { get; set; }
    public List<ImportIssue> Issues { get; } = [];
    public bool Succeeded => FileError is null && Issues.Count == 0;
}
