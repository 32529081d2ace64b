using System.Text.RegularExpressions;
using LowCode.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests;

/// <summary>The analyst's form designer in a real browser: a new ticket type, fields dragged from the palette, the live preview.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerFormTests(BrowserHost host)
{
    [Fact]
    public async Task Analyst_creates_a_ticket_type_drags_a_money_and_a_text_field_onto_its_form_and_sees_them_in_the_preview()
    {
        var page = await host.SignInAsync("analyst", "/designer");
        var key = $"desk-move-{Guid.NewGuid():N}"[..18];

        await page.Locator("[data-action=new-type]").ClickAsync();
        await page.Locator("[data-field=new-key]").FillAsync(key);
        await page.Locator("[data-field=new-name]").FillAsync("搬桌子 Desk move");
        await page.Locator("[data-field=new-category]").FillAsync("Facilities 行政");
        await page.Locator("[data-action=create-type]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/designer/types/{key}$"));

        await page.Locator("[data-tab=form]").ClickAsync();
        var section = page.Locator("[data-drop-section='0']");
        await page.Locator("[data-palette-field=money]").DragToAsync(section);
        await Expect(page.Locator("[data-form-field=Money1]")).ToBeVisibleAsync();
        await page.Locator("[data-palette-field=text]").DragToAsync(section);
        await Expect(page.Locator("[data-form-field=Text1]")).ToBeVisibleAsync();

        await page.Locator("[data-form-field=Money1] [data-action=select-field]").ClickAsync();
        await Expect(page.Locator("[data-panel=field-properties]")).ToHaveAttributeAsync("data-field-key", "Money1");
        var label = page.Locator("[data-panel=field-properties] [data-prop=label]");
        await label.FillAsync("预算 Budget");
        await label.BlurAsync();

        await Expect(page.Locator("[data-form-field=Money1]")).ToContainTextAsync("预算 Budget");
        await Expect(page.Locator("[data-panel=form-preview] label[for=preview-Money1]")).ToContainTextAsync("预算 Budget");
        await Expect(page.Locator("[data-panel=form-preview] #preview-Money1")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-panel=form-preview] #preview-Text1")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "designer-form.png"), FullPage = true });
    }
}
