using LowCode.Server.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests.Hosting;

/// <summary>
/// One host and one headless Chromium (Debian's, never a downloaded one) for all browser tests; every
/// test gets its own browser context, so cookies never leak between people.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly LowCodeServer _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public IServiceProvider Services => _server.Services;

    /// <summary>Screenshots land here, beside the test assembly (bin/…/artifacts).</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        _server.UseKestrel(0);
        _server.StartServer(); // returns once the silo, the identity seed and the demo data are up
        var address = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        SetDefaultExpectTimeout(15_000); // two busy cores: allow for a slow first render
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser context (no cookies) with one page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "zh-CN" });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs a demo person in through the real sign-in form and waits for the signed-in shell.</summary>
    public async Task<IPage> SignInAsync(string userName, string startAt = "/portal")
    {
        var page = await NewPageAsync();
        await page.GotoAsync(startAt);
        await FillSignInForm(page, userName);
        return page;
    }

    public static async Task FillSignInForm(IPage page, string userName)
    {
        var person = IdentitySeeder.DemoPeople.Single(p => p.UserName == userName);
        await page.Locator("#username").FillAsync(person.UserName);
        await page.Locator("#password").FillAsync(person.Password);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-action=sign-out]")).ToBeVisibleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        try { Directory.Delete(_server.DataPath, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // pooled SQLite connections may still hold the file
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
