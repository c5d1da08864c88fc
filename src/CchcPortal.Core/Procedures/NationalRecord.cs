using System.Text.Json.Serialization;

namespace CchcPortal.Core.Procedures;

/// <summary>A procedure as the national public-service portal publishes it (the scraped JSON shape).</summary>
public sealed class NationalRecord
{
    [JsonPropertyName("ma_thu_tuc")] public string? Code { get; set; }
    [JsonPropertyName("detail_url")] public string? DetailUrl { get; set; }
    [JsonPropertyName("ten_thu_tuc")] public string? Name { get; set; }
    [JsonPropertyName("so_quyet_dinh")] public string? DecisionNumber { get; set; }
    [JsonPropertyName("cap_thuc_hien")] public string? Levels { get; set; }
    [JsonPropertyName("loai_thu_tuc")] public string? ProcedureType { get; set; }
    [JsonPropertyName("linh_vuc")] public string? Field { get; set; }
    [JsonPropertyName("doi_tuong_thuc_hien")] public string? Subjects { get; set; }
    [JsonPropertyName("co_quan_co_tham_quyen")] public string? CompetentAgency { get; set; }
    [JsonPropertyName("dia_chi_tiep_nhan")] public string? ReceivingAddress { get; set; }
    [JsonPropertyName("co_quan_duoc_uy_quyen")] public string? AuthorizedAgency { get; set; }
    [JsonPropertyName("co_quan_phoi_hop")] public string? CoordinatingAgency { get; set; }
    [JsonPropertyName("thu_tuc_lien_quan")] public string? RelatedProcedures { get; set; }
    [JsonPropertyName("trinh_tu_thuc_hien")] public string? Steps { get; set; }
    [JsonPropertyName("cach_thuc_thuc_hien")] public string? Channels { get; set; }
    [JsonPropertyName("thanh_phan_ho_so")] public string? Dossier { get; set; }
    [JsonPropertyName("can_cu_phap_ly")] public string? LegalBases { get; set; }
    [JsonPropertyName("co_quan_thuc_hien")] public string? ExecutingAgency { get; set; }
    [JsonPropertyName("yeu_cau_dieu_kien")] public string? Requirements { get; set; }
    [JsonPropertyName("ket_qua_xu_ly")] public string? Result { get; set; }
}
