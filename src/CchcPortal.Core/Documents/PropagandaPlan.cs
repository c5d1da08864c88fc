namespace CchcPortal.Core.Documents;

/// <summary>A unit's yearly CCHC propaganda plan (kế hoạch tuyên truyền): the plan document and its activities.</summary>
public class PropagandaPlan
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string UnitName { get; set; } = "";
    public string Title { get; set; } = "";
    public int? DocumentId { get; set; }
    public List<PlanActivity> Activities { get; set; } = [];
}

/// <summary>
/// One row of the plan: what (nội dung), how (hình thức), who leads and who helps, and when (thường xuyên,
/// hằng tháng, quý I-IV or a date). Posts and documents report on it.
/// </summary>
public class PlanActivity
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The plan's own numbering ("3.1", "1", "II.2").</summary>
    public string Section { get; set; } = "";
    public string Content { get; set; } = "";
    public string Form { get; set; } = "";
    public int? LeadAgencyId { get; set; }
    /// <summary>As written in the plan (kept when the agency is not in the directory).</summary>
    public string LeadAgencyText { get; set; } = "";
    public string CoordinatingText { get; set; } = "";
    public string Timing { get; set; } = "";
}

/// <summary>A post or a document reporting on an activity (editors tag it).</summary>
public class PlanActivityReport
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public int? PostId { get; set; }
    public int? DocumentId { get; set; }
}
