using System.Security.Cryptography;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Seeding;
using CchcPortal.Data.PostgreSql;
using CchcPortal.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Infrastructure;

/// <summary>Runs before the server listens: migrations, seed content, roles, the first administrator, orphaned attachment files.</summary>
public static class StartupTasks
{
    public static async Task PreparePortalAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("CchcPortal.Startup");
        var paths = sp.GetRequiredService<PortalPaths>();
        var db = sp.GetRequiredService<PortalDbContext>();

        log.LogInformation("Data folder: {Path}", paths.DataPath);
        // Several nodes may start at once on one PostgreSQL database: one at a time migrates, seeds and makes the administrator.
        await using (var startupLock = db.Database.IsNpgsql() ? await StartupLock.AcquireAsync(db.Database.GetConnectionString()!) : null)
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite()) await db.EnableWriteAheadLogAsync();
            await sp.GetRequiredService<PortalSeeder>().SeedAsync(paths.SeedPath, app.Configuration.GetValue("Portal:SeedProcedures", true));
            await EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
            await EnsureAdministratorAsync(sp.GetRequiredService<UserManager<PortalUser>>(), app.Configuration, sp.GetRequiredService<TimeProvider>(), log);
        }
        var orphans = await sp.GetRequiredService<Features.Questions.CaseAttachmentStore>().DeleteOrphansAsync(db);
        if (orphans > 0) log.LogWarning("Deleted {Count} attachment files no case references (left by an interrupted submission)", orphans);
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in PortalRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>
    /// The first administrator comes from CCHC_ADMIN_EMAIL / CCHC_ADMIN_PASSWORD; when the password is unset,
    /// a strong one is generated and printed once. Nothing happens once an administrator exists.
    /// </summary>
    private static async Task EnsureAdministratorAsync(UserManager<PortalUser> users, IConfiguration config, TimeProvider time, ILogger log)
    {
        if ((await users.GetUsersInRoleAsync(PortalRoles.Administrator)).Count > 0) return;

        var email = config["CCHC_ADMIN_EMAIL"] is { Length: > 0 } e ? e.Trim() : "admin@cchc.local";
        var password = config["CCHC_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = GeneratePassword();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Quản trị hệ thống", CreatedAt = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password!);
            if (!created.Succeeded)
                throw new InvalidOperationException("Không tạo được tài khoản quản trị đầu tiên: " +
                    string.Join(" ", created.Errors.Select(x => x.Description)) + " (kiểm tra CCHC_ADMIN_PASSWORD).");
        }
        await users.AddToRoleAsync(user, PortalRoles.Administrator);

        if (generated)
        {
            // Printed once, to the console only: the operator copies it and changes it after the first login.
            Console.WriteLine();
            Console.WriteLine("==============================================================");
            Console.WriteLine($" Tài khoản quản trị đầu tiên: {email}");
            Console.WriteLine($" Mật khẩu (chỉ hiện một lần): {password}");
            Console.WriteLine(" Đăng nhập tại /tai-khoan/dang-nhap và đổi mật khẩu ngay.");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
        log.LogInformation("Created the first administrator {Email}", email);
    }

    private static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!@#$%^&*-_=+";
        var all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)], upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20) chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
