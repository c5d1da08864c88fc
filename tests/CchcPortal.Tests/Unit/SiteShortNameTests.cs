using CchcPortal.Core.Settings;

namespace CchcPortal.Tests.Unit;

public class SiteShortNameTests
{
    [Theory]
    [InlineData("Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk", "CCHC Đắk Lắk")]
    [InlineData("", "Ủy ban nhân dân tỉnh Đắk Lắk", "CCHC Đắk Lắk")]
    [InlineData("", "Uỷ ban nhân dân thành phố Hải Phòng", "CCHC Hải Phòng")]
    [InlineData("", "UBND tỉnh Bắc Kạn", "CCHC Bắc Kạn")]
    [InlineData("", "Ủy ban nhân dân huyện Thử Nghiệm", "CCHC Thử Nghiệm")]
    [InlineData("", "UBND thị xã Buôn Hồ", "CCHC Buôn Hồ")]
    [InlineData("  ", "Ủy ban nhân dân tỉnh", "CCHC")]
    [InlineData("", "Sở Nội vụ", "CCHC")]
    [InlineData("", "Ủy ban nhân dân tỉnh Một Tên Địa Phương Rất Dài Không Vừa", "CCHC")]
    public void The_phone_header_name_comes_from_the_index_subject_or_the_unit(string subject, string unit, string expected) =>
        Assert.Equal(expected, SiteShortName.Of(new SiteSettings { IndexSubjectName = subject, UnitName = unit }));
}
