using Xunit.Abstractions;

namespace LowCode.Host.Tests.Hosting;

/// <summary>
/// Base of a test that runs hosts: it owns their processes and data folders, kills whatever still
/// runs when the test ends, and writes every host's output to the test output when the test fails.
/// </summary>
public abstract class HostProcessTest(ITestOutputHelper output) : IDisposable
{
    private readonly List<HostProcess> _hosts = [];
    private readonly List<string> _folders = [];

    protected ITestOutputHelper Output { get; } = output;

    protected static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A new, empty data folder, deleted after the test.</summary>
    protected string NewDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lowcode-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }

    protected HostProcess StartHost(string name, HostSettings settings)
    {
        var host = HostProcess.Start(name, settings);
        _hosts.Add(host);
        return host;
    }

    protected async Task<HostProcess> StartReadyHostAsync(string name, HostSettings settings)
    {
        var host = StartHost(name, settings);
        await host.WaitUntilReadyAsync(StartTimeout);
        return host;
    }

    /// <summary>Kills every host that still runs (before a test deletes what they stored).</summary>
    protected void StopAllHosts()
    {
        foreach (var host in _hosts.Where(h => !h.HasExited)) host.Kill();
    }

    /// <summary>Runs the test body; on failure writes the output of every host it started, then fails.</summary>
    protected async Task RunAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            foreach (var host in _hosts)
            {
                if (!host.HasExited) host.Kill();
                host.WriteOutputTo(Output);
            }
            throw;
        }
    }

    protected void Log(string message) => Output.WriteLine($"[{DateTime.Now:HH:mm:ss.fff}] {message}");

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
        foreach (var folder in _folders)
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a file still held open; the temp folder is cleaned eventually */ }
        }
        GC.SuppressFinalize(this);
    }
}
