using System.Diagnostics;
using System.Globalization;
using LowCode.Browser.Tests.Hosting;
using LowCode.Grains.TicketTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;

namespace LowCode.Browser.Tests.Benchmarks;

/// <summary>
/// Opening a 200-step flow in the designer, measured in headless Chromium against the real host (opt-in, not a test):
/// <code>dotnet run --project tests/LowCode.Browser.Tests -- canvas-benchmark [runs]</code>
/// Each run navigates to <c>/designer/types/{key}</c> and takes the browser's own clock (performance.now(), from the
/// start of navigation) at the first animation frame in which all 200 step widgets are in the page. The first run
/// (cold: JIT, first circuit) is reported apart from the warm runs' p50 and max.
/// </summary>
public static class CanvasOpenBenchmark
{
    private const int Steps = 200;

    public static async Task<int> RunAsync(int runs)
    {
        var host = new BrowserHost();
        await host.InitializeAsync();
        try
        {
            var key = "bench-canvas-" + Guid.NewGuid().ToString("N")[..6];
            var definition = LargeFlow.Create(key);
            var created = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketTypeGrain>(key).Create(definition, "u-zhou");
            if (!created.Succeeded) throw new InvalidOperationException(created.Message);
            Console.WriteLine($"flow: {definition.Workflow.Nodes.Count} steps, {definition.Workflow.Connections.Count} connections");

            var page = await host.SignInAsync("analyst");
            await page.SetViewportSizeAsync(1600, 1000);
            var times = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                await page.GotoAsync($"/designer/types/{key}");
                await page.WaitForFunctionAsync($"() => document.querySelectorAll('.diagram-node[data-node-id]').length >= {Steps}",
                    null, new PageWaitForFunctionOptions { Timeout = 60_000 } /* polls every animation frame */);
                var inBrowser = await page.EvaluateAsync<double>("() => performance.now()");
                clock.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}{(run == 0 ? " (cold)" : "")}: {inBrowser:0} ms in the browser, {clock.Elapsed.TotalMilliseconds:0} ms end to end"));
                if (run > 0) times.Add(inBrowser);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open {Steps} steps, warm runs: p50 {times[times.Count / 2]:0} ms, max {times[^1]:0} ms (n={times.Count})"));
            return 0;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
