using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CchcPortal.Tests.Integration.Accounts.AccountTestSupport;

namespace CchcPortal.Tests.Integration.Accounts;

/// <summary>Sign-ins, failed ones (with the typed e-mail), sign-out and a password change are in the audit log.</summary>
public class SignInAuditTests
{
    [Fact]
    public async Task A_sign_in_a_failed_one_a_password_change_and_a_sign_out_are_recorded_with_account_and_address()
    {
        using var factory = Portal();
        await factory.From("198.51.100.9").SignInAsync(PortalFactory.AdminEmail, "Sai!Mat-Khau1");
        await factory.From("198.51.100.10").SignInAsync("Khong-Co@Test.Local ", "Sai!Mat-Khau1");
        var admin = factory.From("198.51.100.11");
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        const string newPassword = "Doi!Mat-Khau#2026";
        await admin.PostFormAsync("/quan-tri/doi-mat-khau",
            new() { ["CurrentPassword"] = PortalFactory.AdminPassword, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword });
        var form = await admin.BrowserFormAsync("/quan-tri", "form[action='/tai-khoan/dang-xuat']");
        await admin.PostAsync("/tai-khoan/dang-xuat", new FormUrlEncodedContent(form));

        using var scope = factory.Services.CreateScope();
        var adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<Core.Identity.PortalUser>>().FindByEmailAsync(PortalFactory.AdminEmail))!.Id;
        var entries = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var failed = entries.Where(e => e.Action == AuditActions.SignInFailed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Equal((adminId, PortalFactory.AdminEmail, "198.51.100.9"), (failed[0].UserId, failed[0].UserName, failed[0].Address));
        Assert.Equal((null, "Khong-Co@Test.Local", "198.51.100.10"), (failed[1].UserId, failed[1].UserName, failed[1].Address));
        var signIn = Assert.Single(entries, e => e.Action == AuditActions.SignIn);
        Assert.Equal((adminId, "198.51.100.11"), (signIn.UserId, signIn.Address));
        Assert.Equal(adminId, Assert.Single(entries, e => e.Action == AuditActions.PasswordChanged).UserId);
        Assert.Equal(adminId, Assert.Single(entries, e => e.Action == AuditActions.SignOut).UserId);
    }
}
