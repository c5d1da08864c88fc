using System.Globalization;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Surveys;

/// <summary>One response per device per agency per day: the agencies this browser rated today, sent only to the survey.</summary>
public static class SurveyDeviceCookie
{
    private static readonly DailyDeviceMarks Marks = new(".CchcPortal.Survey", SurveyPaths.Results, MaxKeys: 200);

    public static bool RatedToday(HttpContext http, int agencyId) => Marks.Has(http, Key(agencyId));

    public static void Add(HttpContext http, int agencyId) => Marks.Add(http, Key(agencyId));

    private static string Key(int agencyId) => agencyId.ToString(CultureInfo.InvariantCulture);
}
