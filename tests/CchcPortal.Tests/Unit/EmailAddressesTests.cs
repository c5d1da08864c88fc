using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

public class EmailAddressesTests
{
    [Theory]
    [InlineData("a@b.vn")]
    [InlineData("binhminh@example.vn")]
    [InlineData("van.phong-ubnd+hoi.dap@so-noi-vu.daklak.gov.vn")]
    public void Plain_addresses_pass(string address) => Assert.True(EmailAddresses.IsValid(address));

    [Theory]
    [InlineData("a@b.vn\r\nBcc: x@y.vn")]
    [InlineData("a@b.vn\r\nBcc:x@y.vn")]
    [InlineData("a@b.vn\nBcc: x@y.vn")]
    [InlineData("a@@b")]
    [InlineData("a@@b.vn")]
    [InlineData("a b@c.vn")]
    [InlineData("a@b")]
    [InlineData("@b.vn")]
    [InlineData("a@.vn")]
    [InlineData("a@b.vn.")]
    [InlineData("a@b..vn")]
    [InlineData("a@b.vn, c@d.vn")]
    [InlineData("<a@b.vn>")]
    [InlineData("Hùng<a@b.vn>")]
    [InlineData("a\t@b.vn")]
    [InlineData("")]
    public void Junk_fails(string address) => Assert.False(EmailAddresses.IsValid(address));

    [Fact]
    public void Addresses_longer_than_254_characters_fail()
    {
        var domain = string.Join(".", Enumerable.Repeat(new string('d', 60), 4)) + ".vn"; // 246 characters
        Assert.True(EmailAddresses.IsValid("abcde@" + domain));
        Assert.False(EmailAddresses.IsValid("abcdefgh@" + domain));
    }

    [Fact]
    public void An_agency_with_a_header_in_its_address_is_refused()
    {
        var errors = new AgencyInput { Name = "Sở Nội vụ", LevelId = 1, Email = "sonv@daklak.gov.vn\r\nBcc: x@y.vn" }.Validate();
        Assert.Contains(errors.All, e => e.Key == nameof(AgencyInput.Email) && e.Value == EmailAddresses.InvalidMessage);
    }
}
