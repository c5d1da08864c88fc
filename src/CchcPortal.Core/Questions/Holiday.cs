namespace CchcPortal.Core.Questions;

/// <summary>A public holiday or a day off the Government moved; editable, used for working-day deadlines.</summary>
public class Holiday
{
    public const int MaxName = 200;

    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}
