using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Xunit.Abstractions;

namespace LowCode.Host.Tests.Hosting;

/// <summary>
/// The real host, <c>dotnet LowCode.Server.dll</c>, running as a child process. Its console output is
/// kept so a failing test can show it. Disposing kills it (and anything it started) if it still runs.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private const int MaxOutputLines = 20_000;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    /// <summary>Completed when the host logs that it has started (after the silo and every start-up task), or fails when it exits first.</summary>
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private HostProcess(string name, HostSettings settings, Process process)
    {
        Name = name;
        Settings = settings;
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        Api = new LowCodeApi(Http);
    }

    public string Name { get; }
    public HostSettings Settings { get; }
    public HttpClient Http { get; }
    public LowCodeApi Api { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The host assembly built for the same configuration as this test assembly.</summary>
    public static string ServerDll { get; } = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LowCodeServerPath").Value!;

    public static HostProcess Start(string name, HostSettings settings)
    {
        if (!File.Exists(ServerDll))
            throw new InvalidOperationException($"The host is not built: {ServerDll} is missing.");
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root (appsettings.json) is the working directory.
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll);
        foreach (var argument in settings.Arguments()) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(name, settings, process);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.Exited += (_, _) => host._started.TrySetException(
            new InvalidOperationException($"Host {name} exited with code {process.ExitCode} before it started."));
        process.ErrorDataReceived += (_, e) => host.Record(e.Data, "err");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        host.Record($"started pid {process.Id}: dotnet {string.Join(' ', start.ArgumentList)}", "test");
        return host;
    }

    /// <summary>Waits until the host is healthy, then signs its HTTP client in as the test integration client.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        await WaitUntilHealthyAsync(timeout);
        await SignInAsync();
    }

    /// <summary>Client credentials grant: every later request of <see cref="Http"/> carries the bearer token.</summary>
    public async Task SignInAsync()
    {
        using var response = await Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = HostSettings.ClientId,
            ["client_secret"] = HostSettings.ClientSecret,
            ["scope"] = HostSettings.ClientScopes,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Host {Name} refused the test client a token: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
    }

    /// <summary>
    /// Waits for the host's own "Application started." log line (an explicit barrier: the silo and all
    /// start-up work are done), then checks that <c>GET /health</c> answers 200.
    /// </summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        try
        {
            await _started.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Host {Name} did not start within {timeout.TotalSeconds:0} s.");
        }
        using var response = await Http.GetAsync("/health");
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Host {Name} started but is not healthy: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>SIGKILL: the process and everything it started die at once, mid-write if need be.</summary>
    public void Kill()
    {
        Record("SIGKILL", "test");
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: asks the host to shut down gracefully.</summary>
    public void Terminate()
    {
        Record("SIGTERM", "test");
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString()]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
    }

    /// <summary>The exit code, or null if the process still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        _process.WaitForExit(); // lets the output readers finish
        return _process.ExitCode;
    }

    public void WriteOutputTo(ITestOutputHelper output)
    {
        output.WriteLine($"----- output of host {Name} (pid {SafeId()}) -----");
        foreach (var line in _output) output.WriteLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        Http.Dispose();
        _process.Dispose();
    }

    private void Record(string? line, string stream = "out")
    {
        if (line is null) return;
        if (line.Contains("Application started.", StringComparison.Ordinal)) _started.TrySetResult();
        _output.Enqueue($"[{_clock.Elapsed.TotalSeconds,7:0.000} {Name} {stream}] {line}");
        while (_output.Count > MaxOutputLines) _output.TryDequeue(out _);
    }

    private string SafeId()
    {
        try { return _process.Id.ToString(); }
        catch (InvalidOperationException) { return "?"; }
    }

    /// <summary>The dotnet executable running these tests (the SDK exports it as DOTNET_HOST_PATH).</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
