using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CchcPortal.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster per test process: initdb in a temp folder, the server on a free loopback port
/// with durability off (fsync, full-page writes, synchronous commit), stopped and deleted when the process exits.
/// CCHC_TEST_POSTGRES (a connection string to a server whose user may create databases) replaces it.
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of the server's maintenance database `postgres`; starts the cluster on first use.</summary>
    public static string AdminConnectionString => Server.Value;

    /// <summary>The same server, another database.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ToString();

    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A folder deleted with the cluster at exit (or by the next test process, if this one is killed).</summary>
    public static string Scratch => Path.Combine(Root.Value, "scratch");

    private static readonly Lazy<string> Root = new(() =>
    {
        DeleteLeftovers();
        var root = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return root;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Start()
    {
        var root = Root.Value;
        if (Environment.GetEnvironmentVariable("CCHC_TEST_POSTGRES") is { Length: > 0 } external)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(root, recursive: true); } catch (IOException) { } };
            return new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ToString();
        }

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: the tests on PostgreSQL need Debian's server (apt-get install -y postgresql, "
            + "which .ci/run does), or CCHC_TEST_POSTGRES set to a connection string of a server where the user may create databases.");
        var asPostgres = Environment.UserName == "root";
        var data = Path.Combine(root, "data");
        if (asPostgres) Run("chown", ["postgres:postgres", root], asPostgres: false);

        Run(Path.Combine(bin, "initdb"), ["-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8", "-D", data], asPostgres);
        var port = LoopbackPort.Free();
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} -c fsync=off -c full_page_writes=off "
            + "-c synchronous_commit=off -c max_connections=300 -c autovacuum=off", "start"], asPostgres);

        // The test host allows little time at exit: SIGQUIT (immediate shutdown) to the postmaster, not pg_ctl through runuser.
        var postmaster = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            kill(postmaster, SigQuit);
            for (var i = 0; i < 50 && kill(postmaster, 0) == 0; i++) Thread.Sleep(20);
            // Its children may still write a file or two as they go: a few tries; what is left, the next test process deletes.
            for (var i = 0; i < 5 && Directory.Exists(root); i++)
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { Thread.Sleep(50); }
            }
        };
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", IncludeErrorDetail = true,
        }.ToString();
    }

    private const string Prefix = "cchc-pg-";
    private const int SigQuit = 3;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Folders of test processes that ended without their exit handler (killed): their server is gone too.</summary>
    private static void DeleteLeftovers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var pidFile = Path.Combine(dir, "data", "postmaster.pid");
            var owner = int.TryParse(Path.GetFileName(dir)[Prefix.Length..].Split('-')[0], out var p) ? p : 0;
            var serverAlive = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var server) && kill(server, 0) == 0;
            if (serverAlive || owner > 0 && kill(owner, 0) == 0) continue;
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        return versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")));
    }

    /// <summary>initdb and postgres refuse root: as root, they run as the `postgres` user through runuser.</summary>
    private static void Run(string program, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }
}
