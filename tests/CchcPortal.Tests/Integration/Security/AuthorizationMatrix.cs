namespace CchcPortal.Tests.Integration.Security;

/// <summary>
/// The authorization matrix of docs/security.md (between the matrix markers): one row per route pattern of the
/// endpoint table, one column per identity, ✓ allowed and – denied.
/// </summary>
public sealed record AuthorizationMatrix(IReadOnlyList<string> Identities, IReadOnlyList<AuthorizationMatrix.Row> Rows)
{
    public sealed record Row(string Route, IReadOnlyDictionary<string, bool> Allowed);

    public const string Start = "<!-- authorization-matrix:start -->";
    public const string End = "<!-- authorization-matrix:end -->";

    public static AuthorizationMatrix Read()
    {
        var text = File.ReadAllText(SecurityDoc());
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/security.md has no authorization matrix between its markers");
        var lines = text[(start + Start.Length)..end].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|')).ToList();
        var header = Cells(lines[0]);
        // Columns: route, one per identity, then the scope note.
        var identities = header.Skip(1).Take(header.Count - 2).ToList();
        var rows = new List<Row>();
        foreach (var line in lines.Skip(2))
        {
            var cells = Cells(line);
            Assert.True(cells.Count == header.Count, $"matrix row with {cells.Count} cells instead of {header.Count}: {line}");
            var allowed = new Dictionary<string, bool>();
            for (var i = 0; i < identities.Count; i++)
            {
                var cell = cells[i + 1];
                Assert.True(cell is "✓" or "–", $"matrix cell '{cell}' is neither ✓ nor – in: {line}");
                allowed[identities[i]] = cell == "✓";
            }
            rows.Add(new Row(cells[0].Trim('`'), allowed));
        }
        return new AuthorizationMatrix(identities, rows);
    }

    private static List<string> Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private static string SecurityDoc()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CchcPortal.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "repository root (CchcPortal.sln) not found above the test binaries");
        return Path.Combine(dir!.FullName, "docs", "security.md");
    }
}
