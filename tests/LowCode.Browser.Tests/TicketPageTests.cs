using System.Collections.Immutable;
using LowCode.Browser.Tests.Hosting;
using LowCode.Grains.Contracts;
using LowCode.Grains.Tickets;
using LowCode.Server.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests;

/// <summary>The ticket page follows the API's access rule and shows whatever people typed as text, never as markup.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TicketPageTests(BrowserHost host)
{
    [Fact]
    public async Task Customer_opening_another_customers_ticket_gets_not_found()
    {
        var wangFangsTicket = TicketIds.FromKey("demo", "3F printer jams");
        var page = await host.SignInAsync("zhangsan");

        var response = await page.GotoAsync($"/tickets/{wangFangsTicket}");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("[data-page=not-found]")).ToBeVisibleAsync();
        await Expect(page.GetByText("3F printer jams")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Script_in_a_title_and_a_comment_renders_as_text()
    {
        const string title = "<img src=x onerror=alert(1)>";
        const string comment = "<script>alert('x')</script>";
        var id = await OpenTicket(title);
        var page = await host.SignInAsync("zhangsan");
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };

        await page.Locator($"table[data-list=my-tickets] tr[data-ticket='{id}'] a").ClickAsync();
        await page.Locator("#comment-text").FillAsync(comment);
        await page.Locator("[data-action=comment]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, $"/tickets/{id}").ToString());
        await Expect(page.Locator("h1[data-field=title]")).ToHaveTextAsync(title);
        await Expect(page.Locator(".timeline li.comment .summary")).ToHaveTextAsync(comment);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "ticket-with-markup-as-text.png"), FullPage = true });
        await Expect(page.Locator("img")).ToHaveCountAsync(0);
        await Expect(page.Locator("[onerror]")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.scripts].filter(s => s.textContent.includes('alert')).length"));
        await page.GotoAsync("/portal");
        await Expect(page.Locator($"tr[data-ticket='{id}'] td").Nth(1)).ToHaveTextAsync(title);
        await Expect(page.Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Internal_comments_show_to_staff_and_not_to_the_requester()
    {
        var id = await OpenTicket("Conveyor belt slips");
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(id);
        Assert.True((await grain.Comment(new TicketComment("u-admin", "Supplier is slow, escalate", Internal: true, DateTimeOffset.UtcNow))).Succeeded);
        Assert.True((await grain.Comment(new TicketComment("u-admin", "We are on it", Internal: false, DateTimeOffset.UtcNow))).Succeeded);

        var requester = await host.SignInAsync("zhangsan", $"/tickets/{id}");
        await Expect(requester.GetByText("We are on it")).ToBeVisibleAsync();
        await Expect(requester.GetByText("Supplier is slow, escalate")).ToHaveCountAsync(0);

        var admin = await host.SignInAsync("admin", $"/tickets/{id}");
        await Expect(admin.Locator(".timeline li.comment-internal")).ToContainTextAsync("Supplier is slow, escalate");
    }

    /// <summary>Opens an equipment repair ticket for Zhang San through the ticket grain.</summary>
    private async Task<string> OpenTicket(string title)
    {
        var id = TicketIds.New(DateTimeOffset.UtcNow);
        var form = ImmutableDictionary<string, object?>.Empty
            .Add("Asset", "Conveyor 7").Add("Site", "SH").Add("Category", "mechanical").Add("Description", "Belt slips under load").Add("Urgent", false);
        var outcome = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(id)
            .Create(new CreateTicket("equipment-repair", DemoData.ZhangSan, DemoData.ZhangSan.Id) { Form = form, Title = title, Priority = "P3" });
        Assert.True(outcome.Succeeded, outcome.Message);
        return id;
    }
}
