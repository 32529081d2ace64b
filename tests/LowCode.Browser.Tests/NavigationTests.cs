using System.Text.RegularExpressions;
using LowCode.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests;

/// <summary>Each demo role signs in through the real form and sees exactly its areas in the navigation; the rest are closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationTests(BrowserHost host)
{
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["portal"] = "/portal", ["workspace"] = "/workspace", ["dashboards"] = "/dashboards", ["designer"] = "/designer", ["admin"] = "/admin",
    };

    [Theory]
    [InlineData("admin", "portal workspace dashboards designer admin")]
    [InlineData("analyst", "portal designer")]
    [InlineData("manager", "portal workspace dashboards")]
    [InlineData("agent", "portal workspace")]
    [InlineData("zhangsan", "portal")]
    public async Task Each_role_sees_only_its_navigation_and_is_denied_the_other_pages(string userName, string areas)
    {
        var expected = areas.Split(' ');
        var page = await host.SignInAsync(userName);

        await Expect(page.Locator("nav [data-nav]")).ToHaveCountAsync(expected.Length);
        foreach (var key in expected) await Expect(page.Locator($"[data-nav={key}]")).ToBeVisibleAsync();
        foreach (var key in Pages.Keys.Except(expected)) await Expect(page.Locator($"[data-nav={key}]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, $"nav-{userName}.png"), FullPage = true });

        foreach (var key in expected)
        {
            await page.Locator($"[data-nav={key}]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, Pages[key]).ToString());
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-page=access-denied]")).ToHaveCountAsync(0);
        }
        foreach (var key in Pages.Keys.Except(expected))
        {
            await page.GotoAsync(Pages[key]);
            await Expect(page.Locator("[data-page=access-denied]")).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Anonymous_visitor_signs_in_first_and_lands_on_the_page_asked_for()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/workspace");
        // Through the site's own code flow: /signin → /connect/authorize (client lowcode-web, PKCE) → the sign-in form.
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/login\?ReturnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dlowcode-web%26.*code_challenge_method%3DS256"));

        await BrowserHost.FillSignInForm(page, "agent");

        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/workspace").ToString());
        await Expect(page.Locator("table[data-list=workspace] tbody tr").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Navigation_workspace_and_administration_follow_the_language_switch()
    {
        var page = await host.SignInAsync("admin", "/workspace"); // the browser asks for zh-CN
        await Expect(page.Locator("[data-nav=workspace]")).ToHaveTextAsync("工作台");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("工作台");
        await Expect(page.Locator("#my-tasks")).ToHaveTextAsync("我的任务");
        await Expect(page.Locator("[data-action=sign-out]")).ToHaveTextAsync("退出");

        await page.Locator("[data-action=language][data-culture=en]").ClickAsync();
        await Expect(page.Locator("[data-nav=workspace]")).ToHaveTextAsync("Workspace");
        await Expect(page.Locator("[data-nav=admin]")).ToHaveTextAsync("Administration");
        await Expect(page.Locator("#my-tasks")).ToHaveTextAsync("My tasks");
        await Expect(page.Locator("[data-action=sign-out]")).ToHaveTextAsync("Sign out");

        await page.Locator("[data-nav=admin]").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Administration");
        await Expect(page.Locator("table[data-list=users] th").First).ToHaveTextAsync("User name");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var page = await host.SignInAsync("manager");

        await page.Locator("[data-action=sign-out]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/account/login").ToString());
        await page.GotoAsync("/dashboards");

        await Expect(page).ToHaveURLAsync(new Regex(@"/account/login\?ReturnUrl=%2Fconnect%2Fauthorize%3F"));
    }
}
