using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CchcPortal.Tests.Support;

/// <summary>
/// The built portal (CchcPortal.Web.dll) as a real child process on 127.0.0.1, for what an in-process host cannot
/// show: a SIGKILL and a restart on the same data folder.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private bool _disposed;

    private PortalProcess(Process process, Uri address, string dataPath)
    {
        _process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }
    public string DataPath { get; }

    /// <summary>From the start of the process until /healthz answered 200.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>The server's last output lines, for a failure message.</summary>
    public string LastOutput { get { lock (_lastLines) return string.Join('\n', _lastLines); } }

    /// <summary>Starts the portal on a free loopback port and waits (at most <paramref name="timeout"/>) for /healthz.</summary>
    public static async Task<PortalProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var dll = WebDll();
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Portal__DataPath"] = dataPath;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var watch = Stopwatch.StartNew();
        var portal = new PortalProcess(Process.Start(info)!, address, dataPath);
        portal._process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < timeout)
        {
            if (portal._process.HasExited)
                throw new InvalidOperationException($"The portal exited with {portal._process.ExitCode}:\n{portal.LastOutput}");
            try
            {
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    portal.StartTime = watch.Elapsed;
                    return portal;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        portal.Dispose();
        throw new TimeoutException($"/healthz did not answer within {timeout}:\n{portal.LastOutput}");
    }

    /// <summary>A client with its own cookies, as one browser.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>SIGKILL on Linux: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (_disposed || _process.HasExited) return;
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (_disposed) return;
        Kill();
        _process.Dispose();
        _disposed = true;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    /// <summary>
    /// The web project's own build output (same configuration as the tests): it has the app's runtimeconfig, seed and
    /// appsettings, which the copy in the test folder lacks.
    /// </summary>
    private static string WebDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;               // net10.0
        var configuration = testOutput.Parent!.Name;   // Debug or Release
        var repo = testOutput;
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "CchcPortal.sln"))) repo = repo.Parent;
        if (repo is null) throw new InvalidOperationException("CchcPortal.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(repo.FullName, "src", "CchcPortal.Web", "bin", configuration, framework, "CchcPortal.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the web project first", dll);
    }
}
