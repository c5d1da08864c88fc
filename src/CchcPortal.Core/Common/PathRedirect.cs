namespace CchcPortal.Core.Common;

/// <summary>A URL that moved (e.g. a plan once published as a post, now a document): answered with 301 to its new home.</summary>
public class PathRedirect
{
    public int Id { get; set; }
    public string FromPath { get; set; } = "";
    public string ToPath { get; set; } = "";
}
