using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace ProcedureCatalog.Tests.Support;

/// <summary>The real service as its own process, on a temporary SQLite file, that a test can kill with SIGKILL and start again.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("procedure-catalog-process-").FullName;
    private Process? process;

    /// <summary>Everything the service wrote to its console, for tests that read the logs.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public string LogLevel { get; init; } = "Warning";

    public string DatabasePath => Path.Combine(folder, "catalog.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    public HttpClient Client { get; private set; } = new();

    private static string Assembly => typeof(Program).Assembly.Location;

    private Dictionary<string, string> Environment(int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Catalog"] = ConnectionString,
        ["Database__SeedSampleCatalogue"] = "false",
        ["Imports__Directory"] = Path.Combine(folder, "imports"),
        ["Limits__WritesPerMinute"] = "1000000",
        ["Limits__ReadsPerMinute"] = "1000000",
        ["Logging__LogLevel__Default"] = LogLevel,
    };

    public async Task Start()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Assembly]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in Environment(port))
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Log.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => Log.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready in 30 s.");
    }

    /// <summary>Makes an admin key with the service's own command and sends it on every request of <see cref="Client"/>.</summary>
    public async Task UseAdminKey()
    {
        var start = new ProcessStartInfo("dotnet", [Assembly, "keys", "create", "--name", $"admin-{Guid.NewGuid():N}", "--role", "admin"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
        };
        foreach (var (name, value) in Environment(0))
        {
            start.Environment[name] = value;
        }

        using var command = Process.Start(start)!;
        var output = await command.StandardOutput.ReadToEndAsync();
        await command.WaitForExitAsync();
        Client.DefaultRequestHeaders.Add("X-Api-Key", output.Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("pck_", StringComparison.Ordinal)));
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks.</summary>
    public async Task Kill()
    {
        process!.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            await Kill();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
