using System.Text.RegularExpressions;
using LowCode.Browser.Tests.Hosting;
using LowCode.Grains.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests;

/// <summary>The end user's portal: the catalog, a generated form submitted with rows and a receipt, my tickets, the language switch.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalTests(BrowserHost host)
{
    /// <summary>A 1×1 PNG, enough for the server's content check.</summary>
    private static readonly byte[] Receipt = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Customer_submits_an_expense_claim_with_two_lines_and_a_receipt_and_finds_it_in_my_tickets()
    {
        var page = await host.SignInAsync("zhangsan", "/portal");
        var console = new List<string>();
        page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        page.RequestFailed += (_, r) => console.Add($"failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400) console.Add($"{r.Status}: {r.Url}"); };
        await page.Locator("[data-ticket-type=expense-approval] [data-action=open-form]").ClickAsync();
        try { await Expect(page.Locator("#portal-form-Department")).ToBeVisibleAsync(); }
        finally { File.WriteAllLines(Path.Combine(BrowserHost.Artifacts, "portal-console.txt"), console); await page.ScreenshotAsync(Shot("portal-expense-form.png")); }
        await Expect(page).ToHaveURLAsync(new Regex("/portal/new/expense-approval$"));

        await page.Locator("#portal-form-Department").SelectOptionAsync("Sales");
        await page.Locator("#portal-form-Purpose").FillAsync("杭州客户拜访 Customer visit Hangzhou");
        await page.Locator("#portal-form-StartDate").FillAsync("2026-03-05");
        await page.Locator("#portal-form-EndDate").FillAsync("2026-03-01"); // before the start: the cross-field rule refuses it
        await page.Locator("#portal-form-Lines-0-Item").FillAsync("高铁 Train Shanghai–Hangzhou");
        await page.Locator("#portal-form-Lines-0-Category").SelectOptionAsync("travel");
        await page.Locator("#portal-form-Lines-0-Amount").FillAsync("600");
        await page.Locator("[data-field=Lines] [data-add-row]").ClickAsync();
        await page.Locator("#portal-form-Lines-1-Item").FillAsync("酒店 Hotel, 2 nights");
        await page.Locator("#portal-form-Lines-1-Category").SelectOptionAsync("hotel");
        await page.Locator("#portal-form-Lines-1-Amount").FillAsync("700");
        await page.Locator("#portal-form-Lines-1-Amount").BlurAsync();
        await Expect(page.Locator("#portal-form-Amount")).ToHaveValueAsync(new Regex(@"^1,?300(\.00)?$")); // the computed total
        await page.Locator("#portal-form-Receipts").SetInputFilesAsync(new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = Receipt });
        await Expect(page.Locator("[data-field=Receipts] .gf-file")).ToContainTextAsync("receipt.png");

        await page.Locator("[data-submit]").ClickAsync();
        var endDateError = page.Locator("[data-field=EndDate] .gf-error");
        await Expect(endDateError).ToContainTextAsync("The end date cannot be before the start date");
        await page.ScreenshotAsync(Shot("portal-expense-validation-error.png"));

        await page.Locator("#portal-form-EndDate").FillAsync("2026-03-07");
        await page.Locator("#portal-form-EndDate").BlurAsync();
        await Expect(endDateError).ToHaveCountAsync(0);
        await page.Locator("[data-submit]").ClickAsync();

        var number = page.Locator("[data-confirmation] [data-field=ticket-number]");
        await Expect(number).ToHaveTextAsync(new Regex(@"\S+"));
        var id = await number.InnerTextAsync();
        await page.ScreenshotAsync(Shot("portal-expense-confirmation.png"));

        var ticket = (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(id).Get())!.State;
        Assert.Equal("u-zhang", ticket.Requester.Id);
        Assert.Equal(2, ((System.Collections.IEnumerable)ticket.Form["Lines"]!).Cast<object>().Count());
        var step = ticket.OpenTasks.First().Name;

        await page.Locator("[data-confirmation] [data-action=my-tickets]").ClickAsync();
        var row = page.Locator($"table[data-list=my-tickets] tr[data-ticket='{id}']");
        await Expect(row.Locator("[data-field=status]")).ToHaveAttributeAsync("data-status", "open");
        await Expect(row.Locator("[data-field=status]")).ToHaveTextAsync("处理中");
        await Expect(row.Locator("[data-field=steps]")).ToContainTextAsync(step);
        await page.ScreenshotAsync(Shot("portal-my-tickets.png"));

        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("h1[data-field=title]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-list=attachments] a")).ToContainTextAsync("receipt.png");
        await page.ScreenshotAsync(Shot("portal-ticket-page.png"));
    }

    [Fact]
    public async Task Language_switch_changes_the_text_between_chinese_and_english()
    {
        var page = await host.SignInAsync("zhangsan", "/portal"); // the browser asks for zh-CN
        await Expect(page.Locator("main h1")).ToHaveTextAsync("门户");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.Locator("[data-action=language][data-culture=en]").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Portal");
        await Expect(page.Locator("#catalog")).ToHaveTextAsync("Catalog");
        await Expect(page).ToHaveURLAsync(new Regex("/portal$"));
        await page.ScreenshotAsync(Shot("portal-english.png"));

        await page.GotoAsync("/portal/tickets"); // the choice is kept in the culture cookie
        await Expect(page.Locator("main h1")).ToHaveTextAsync("My tickets");

        await page.Locator("[data-action=language][data-culture=zh-CN]").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("我的工单");
        await Expect(page).ToHaveURLAsync(new Regex("/portal/tickets$"));
    }

    [Fact]
    public async Task Catalog_search_filters_the_ticket_types()
    {
        var page = await host.SignInAsync("zhangsan", "/portal");
        // Grouped by category. Other tests in this host publish types of their own, so only the demo's two are named.
        await Expect(page.Locator("[data-category='Facilities 设施'] [data-ticket-type=equipment-repair]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-category='Finance 财务'] [data-ticket-type=expense-approval]")).ToBeVisibleAsync();

        await page.Locator("#catalog-q").FillAsync("expense");
        await page.Locator("#catalog-q").PressAsync("Enter");
        await Expect(page.Locator("[data-ticket-type=expense-approval]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-ticket-type=equipment-repair]")).ToHaveCountAsync(0);

        await page.Locator("#catalog-q").FillAsync("设备");
        await page.Locator("#catalog-q").PressAsync("Enter");
        await Expect(page.Locator("[data-ticket-type=equipment-repair]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-ticket-type=expense-approval]")).ToHaveCountAsync(0);

        await page.Locator("#catalog-q").FillAsync("no such thing");
        await page.Locator("#catalog-q").PressAsync("Enter");
        await Expect(page.Locator("[data-ticket-type]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-empty=catalog]")).ToBeVisibleAsync();
    }

    private static PageScreenshotOptions Shot(string name) => new() { Path = Path.Combine(BrowserHost.Artifacts, name), FullPage = true };
}
