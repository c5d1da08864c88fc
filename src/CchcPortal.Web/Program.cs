using CchcPortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.PreparePortalAsync();
app.UsePortal();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the real app.</summary>
public partial class Program;
