namespace CchcPortal.Core.Surveys;

/// <summary>
/// The change-feed kind of survey responses. Announced only (no row): the search index holds nothing of them, but the
/// output cache of the results pages is evicted through the feed's listeners.
/// </summary>
public static class SurveyKinds
{
    public const string Response = "survey";
}
