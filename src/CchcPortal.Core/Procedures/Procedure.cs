namespace CchcPortal.Core.Procedures;

/// <summary>
/// The online service of a procedure. <see cref="Available"/>: the record's channels list "Trực tuyến" but it does
/// not say toàn trình or một phần (derived at import, see <see cref="OnlineAvailability"/>).
/// </summary>
public enum OnlineLevel { None = 0, Partial = 1, Full = 2, Available = 3 }

public enum ProcedureStatus { InForce = 0, Amended = 1, Replaced = 2, Abolished = 3 }

public enum ChannelKind { Direct = 0, Online = 1, Postal = 2 }

/// <summary>
/// An administrative procedure (thủ tục hành chính) with the fields of the national TTHC database, structured:
/// channels, dossier items and legal bases are rows, not one text blob.
/// </summary>
public class Procedure
{
    public int Id { get; set; }
    /// <summary>National code d.dddddd, optionally with a province suffix (1.012753.H19).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string DecisionNumber { get; set; } = "";
    public string ProcedureType { get; set; } = "";
    public string Field { get; set; } = "";
    /// <summary>Cấp thực hiện, as "|Cấp tỉnh|Cấp xã|" so one LIKE finds a level.</summary>
    public string Levels { get; set; } = "";
    /// <summary>Đối tượng thực hiện, as "|Công dân Việt Nam|Tổ chức (không bao gồm doanh nghiệp, HTX)|".</summary>
    public string Subjects { get; set; } = "";
    public string CompetentAgency { get; set; } = "";
    public string ExecutingAgency { get; set; } = "";
    public string AuthorizedAgency { get; set; } = "";
    public string CoordinatingAgency { get; set; } = "";
    public string ReceivingAddress { get; set; } = "";
    public string Steps { get; set; } = "";
    public string Requirements { get; set; } = "";
    /// <summary>The national record's dossier text when it could not be read as a table (a scraping defect), shown as is.</summary>
    public string DossierNote { get; set; } = "";
    public string ResultName { get; set; } = "";
    public string ResultCode { get; set; } = "";
    public string RelatedProcedures { get; set; } = "";
    public OnlineLevel OnlineLevel { get; set; }
    public string OnlineServiceUrl { get; set; } = "";
    public ProcedureStatus Status { get; set; }
    public string ReplacedByCode { get; set; } = "";
    public DateTime? EffectiveFrom { get; set; }
    public DateTime? EffectiveTo { get; set; }
    public string SourceUrl { get; set; } = "";
    public string SearchText { get; set; } = "";
    public int ViewCount { get; set; }
    /// <summary>Hash of the imported record's content: a re-import with the same hash changes nothing.</summary>
    public string ContentHash { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    public List<ProcedureChannel> Channels { get; set; } = [];
    public List<DossierItem> DossierItems { get; set; } = [];
    public List<LegalBasis> LegalBases { get; set; } = [];
    public List<ProcedureAgencyLink> AgencyLinks { get; set; } = [];
    public List<ProcedureHistoryEntry> History { get; set; } = [];

    public IEnumerable<string> LevelList => Split(Levels);
    public IEnumerable<string> SubjectList => Split(Subjects);
    public static string Join(IEnumerable<string> values) => "|" + string.Join("|", values) + "|";
    private static IEnumerable<string> Split(string joined) => joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One way to submit (trực tiếp, trực tuyến, bưu chính) with its own time limit and fees.</summary>
public class ProcedureChannel
{
    public int Id { get; set; }
    public int ProcedureId { get; set; }
    public ChannelKind Kind { get; set; }
    /// <summary>Time limit value, when the record gives a number.</summary>
    public decimal? TimeValue { get; set; }
    /// <summary>Ngày làm việc, Ngày, Giờ, Tháng, ... as the record says.</summary>
    public string TimeUnit { get; set; } = "";
    /// <summary>The time limit as written, when it is not a plain number + unit.</summary>
    public string TimeText { get; set; } = "";
    public string Fee { get; set; } = "";
    public string FeeNote { get; set; } = "";
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
}

public class DossierItem
{
    public int Id { get; set; }
    public int ProcedureId { get; set; }
    /// <summary>The heading the item sits under ("Giấy tờ phải nộp", "Trường hợp ..."), if any.</summary>
    public string Group { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Form (mẫu đơn, tờ khai) file names as the national record names them, one per line.</summary>
    public string FormName { get; set; } = "";
    public IEnumerable<string> FormNames => FormName.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    /// <summary>A form file uploaded to this portal, served from the media store.</summary>
    public string FormUrl { get; set; } = "";
    public string Quantity { get; set; } = "";
    public int SortOrder { get; set; }
}

public class LegalBasis
{
    public int Id { get; set; }
    public int ProcedureId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Số ký hiệu, e.g. 123/2015/NĐ-CP.</summary>
    public string Number { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A directory agency that carries out or receives the procedure.</summary>
public class ProcedureAgencyLink
{
    public int ProcedureId { get; set; }
    public int AgencyId { get; set; }
    public Agencies.Agency? Agency { get; set; }
}

public class ProcedureHistoryEntry
{
    public int Id { get; set; }
    public int ProcedureId { get; set; }
    public DateTime At { get; set; }
    public string Change { get; set; } = "";
    public string By { get; set; } = "";
}
