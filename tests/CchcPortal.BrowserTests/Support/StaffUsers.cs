using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests.Support;

/// <summary>A staff account the tests create through the Identity services, with a known password.</summary>
public sealed record StaffUser(string Email, string Role, string FullName, int? AgencyId = null, string JobTitle = "")
{
    public const string Password = "Staff!Br0wser#2026";
}

public static class StaffUsers
{
    public static async Task<(int Id, string Name)> AgencyAsync(this BrowserFixture fixture, string slug)
    {
        using var scope = fixture.Services.CreateScope();
        var agency = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Slug == slug);
        return (agency.Id, agency.Name);
    }

    /// <summary>Creates the user once (the fixture is shared by the collection) and sets its role, agency and title.</summary>
    public static async Task<StaffUser> EnsureStaffAsync(this BrowserFixture fixture, StaffUser staff)
    {
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(staff.Email);
        if (user is null)
        {
            user = new PortalUser { UserName = staff.Email, Email = staff.Email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, StaffUser.Password));
            Check(await users.AddToRoleAsync(user, staff.Role));
        }
        user.FullName = staff.FullName;
        user.AgencyId = staff.AgencyId;
        user.JobTitle = staff.JobTitle;
        Check(await users.UpdateAsync(user));
        return staff;
    }

    /// <summary>A browser context of its own, signed in through the real login page (/tai-khoan/dang-nhap).</summary>
    public static async Task<IPage> SignedInPageAsync(this BrowserFixture fixture, StaffUser staff, int width = 1366, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/tai-khoan/dang-nhap");
        await page.FillAsync("#Email", staff.Email);
        await page.FillAsync("#Password", StaffUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.ArrivedAtAsync("/quan-tri");
        return page;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
