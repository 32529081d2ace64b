using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using LowCode.Forms.Components.Hosting;
using Microsoft.Extensions.Localization;
using Localization = LowCode.Forms.Components.Localization;

namespace LowCode.Forms.Components.Tests;

/// <summary>The renderer's own text follows the user's UI culture: Chinese for zh-CN, English otherwise.</summary>
public sealed class LocalizationTests : FormTest
{
    private static void InCulture(string culture, Action test)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            test();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_buttons_and_messages_are_in_Chinese_for_zh_CN() => InCulture("zh-CN", () =>
    {
        var form = RenderForm(Schemas.Expense());

        Assert.Equal("提交", form.Find("button[data-submit]").TextContent.Trim());
        Assert.Contains("添加一行", form.Find("[data-add-row]").TextContent);
        Assert.Equal("向“Expense lines”添加一行", form.Find("[data-add-row]").GetAttribute("aria-label"));
        Assert.Equal("删除", form.Find("[data-remove-row='0']").TextContent.Trim());
        Assert.Equal("请选择…", form.Find("select[data-path='Department'] option").TextContent);
        Assert.Equal("必填", FieldAt(form, "Department").QuerySelector(".gf-required")!.GetAttribute("title"));

        form.Find("form").Submit();
        Assert.Equal("请更正以下问题：", form.Find(".gf-summary-title").TextContent);
        Assert.Equal(["Department is required."], ErrorsAt(form, "Department"));
    });

    [Fact]
    public void Other_cultures_fall_back_to_English() => InCulture("fr-FR", () =>
    {
        var form = RenderForm(Schemas.Expense());

        Assert.Equal("Submit", form.Find("button[data-submit]").TextContent.Trim());
        Assert.Equal("Add row to Expense lines", form.Find("[data-add-row]").GetAttribute("aria-label"));
    });

    [Fact]
    public void Every_text_has_an_English_and_a_different_Chinese_entry()
    {
        var text = Services.GetRequiredService<IStringLocalizer<Localization.FormText>>();
        var names = typeof(Localization.FormText).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var english = new List<string>();

        InCulture("en", () =>
        {
            Assert.All(names, n => Assert.False(text[n].ResourceNotFound, n));
            english.AddRange(names.Select(n => text[n].Value));
        });
        InCulture("zh-CN", () =>
        {
            Assert.All(names, n => Assert.False(text[n].ResourceNotFound, n));
            Assert.All(names.Zip(english), p => Assert.NotEqual(p.Second, text[p.First].Value));
        });
    }

    [Fact]
    public void The_text_is_found_whatever_resources_path_the_host_uses_for_its_own() => InCulture("zh-CN", () =>
    {
        using var host = new BunitContext();
        host.Services.AddLocalization(o => o.ResourcesPath = "Texts");
        host.Services.AddLowCodeFormComponents();

        var form = host.Render<GeneratedForm>(p => p.Add(f => f.Schema, Schemas.Expense()));

        Assert.Equal("提交", form.Find("button[data-submit]").TextContent.Trim());
    });

    [Fact]
    public void Without_any_registration_the_form_still_speaks_the_users_language() => InCulture("zh-CN", () =>
    {
        using var bare = new BunitContext();

        var form = bare.Render<GeneratedForm>(p => p.Add(f => f.Schema, Schemas.Expense()));

        Assert.Equal("提交", form.Find("button[data-submit]").TextContent.Trim());
    });
}
