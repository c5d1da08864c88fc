using CchcPortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
if (CommandLine.RefusalBeforeStart(app.Configuration, args) is { } refused) return refused;
if (await CchcPortal.Web.Infrastructure.Backup.BackupCommands.TryRunAsync(app, args) is { } backedUp) return backedUp;
await app.PreparePortalAsync();
if (await CommandLine.TryRunAsync(app, args) is { } exitCode) return exitCode;
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the real app.</summary>
public partial class Program;
