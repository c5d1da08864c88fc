using System.Diagnostics;

namespace CchcPortal.Tests.Integration.Backup;

/// <summary>Runs the built portal (CchcPortal.Web.dll) as a separate process with an operator command, as `dotnet run -- ...` does.</summary>
public static class PortalProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> RunAsync(string dataPath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(WebDll())! };
        start.ArgumentList.Add(WebDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Portal__DataPath"] = dataPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not end within 3 minutes");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>The app next to the test binaries (copied with its runtimeconfig), else the Web project's own output of the same configuration.</summary>
    private static string WebDll()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "CchcPortal.Web.runtimeconfig.json"))) return Path.Combine(here, "CchcPortal.Web.dll");
        var framework = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var dir = framework;
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CchcPortal.sln"))) dir = dir.Parent;
        var dll = Path.Combine(dir!.FullName, "src", "CchcPortal.Web", "bin", configuration, framework.Name, "CchcPortal.Web.dll");
        Assert.True(File.Exists(dll), $"built portal not found: {dll}");
        return dll;
    }
}
