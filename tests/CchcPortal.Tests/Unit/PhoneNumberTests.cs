using CchcPortal.Core.Agencies;

namespace CchcPortal.Tests.Unit;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0262.8552255", "+842628552255", PhoneKind.Landline)]
    [InlineData("0262 3 852 255", "+842623852255", PhoneKind.Landline)]
    [InlineData("(0262) 3852255", "+842623852255", PhoneKind.Landline)]
    [InlineData("024.3825.3536", "+842438253536", PhoneKind.Landline)]
    [InlineData("028 3829 6052", "+842838296052", PhoneKind.Landline)]
    [InlineData("+84 262 3852255", "+842623852255", PhoneKind.Landline)]
    [InlineData("0912 345 678", "+84912345678", PhoneKind.Mobile)]
    [InlineData("0912.345.678", "+84912345678", PhoneKind.Mobile)]
    [InlineData("0386-123-456", "+84386123456", PhoneKind.Mobile)]
    [InlineData("+84 912 345 678", "+84912345678", PhoneKind.Mobile)]
    [InlineData("1900 1234", "19001234", PhoneKind.Service)]
    [InlineData("1800 599 920", "1800599920", PhoneKind.Service)]
    [InlineData("1022", "1022", PhoneKind.Short)]
    [InlineData("113", "113", PhoneKind.Short)]
    [InlineData("0262.1022", "+842621022", PhoneKind.Landline)]
    [InlineData("024.1022", "+84241022", PhoneKind.Landline)]
    public void Valid_numbers_normalise(string written, string dialable, PhoneKind kind)
    {
        Assert.True(PhoneNumber.TryParse(written, out var number, out var error), error);
        Assert.Equal(dialable, number!.Dialable);
        Assert.Equal(kind, number.Kind);
        Assert.Equal(written.Trim(), number.Written);
        Assert.Equal("tel:" + dialable, number.TelHref);
    }

    [Theory]
    [InlineData("", "Chưa nhập")]
    [InlineData("0262.855225", "không đúng định dạng")]
    [InlineData("0262.85522555", "không đúng định dạng")]
    [InlineData("0112 345 678", "không đúng định dạng")]
    [InlineData("0262.8552255 ext 12", "ký tự không hợp lệ")]
    [InlineData("+1 202 555 0100", "Chỉ nhận số điện thoại Việt Nam")]
    [InlineData("0262+8552255", "Dấu + chỉ được đứng đầu")]
    [InlineData("1900 12", "không đúng định dạng")]
    [InlineData("0262.5022", "không đúng định dạng")]
    public void Invalid_numbers_get_a_vietnamese_reason(string written, string expected)
    {
        Assert.False(PhoneNumber.TryParse(written, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(expected, error);
    }
}
