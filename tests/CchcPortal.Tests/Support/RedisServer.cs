using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CchcPortal.Tests.Support;

/// <summary>
/// One throwaway redis-server per test process on a free loopback port, with nothing saved to disk, killed when the
/// process exits. Tests that need it fail (never skip) when Debian's redis-server is not installed.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static RedisServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server (Redis:Configuration).</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    /// <summary>A key prefix no other test uses (Redis:InstanceName), so tests sharing the server never see each other's keys.</summary>
    public static string NewPrefix() => $"test-{Guid.NewGuid():N}:";

    private RedisServer(int port) => Port = port;

    private static RedisServer Start()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: these tests need Debian's redis-server (apt-get install -y redis-server).");
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("cchc-redis-").FullName;
            var port = LoopbackPort.Free();
            var process = Process.Start(new ProcessStartInfo(executable)
            {
                ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no", "--dir", folder, "--daemonize", "no" },
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // The test host is often killed rather than let exit (no ProcessExit then): a watchdog shell ends
            // redis-server and removes its folder as soon as this process is gone.
            Process.Start(new ProcessStartInfo("/bin/sh")
            {
                ArgumentList = { "-c", $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 {process.Id} 2>/dev/null; do sleep 1; done; " +
                    $"kill {process.Id} 2>/dev/null; sleep 1; rm -rf \"$0\"", folder },
                UseShellExecute = false,
            })!.Dispose();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { process.Kill(); } catch (InvalidOperationException) { }
            };
            if (WaitForPong(port, process)) return new RedisServer(port);
            try { process.Kill(); } catch (InvalidOperationException) { }
            // Another process may have taken the port between our probe and redis-server's bind: try another.
            if (attempt == 3) throw new InvalidOperationException($"redis-server did not start on 127.0.0.1:{port}.");
        }
    }

    private static bool WaitForPong(int port, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[16];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG")) return true;
            }
            catch (SocketException) { }
            Thread.Sleep(50);
        }
        return false;
    }
}
