using LowCode.Forms.Components.Lookup;

namespace LowCode.Forms.Components.Tests;

/// <summary>Pickers search the plugged-in lookup and store the chosen value (an id), showing its name.</summary>
public sealed class LookupTests : FormTest
{
    private static readonly InMemoryFormLookup Directory = new(
        users: [new("u-1", "Li Lei", "Finance"), new("u-2", "Han Meimei", "IT")],
        teams: [new("t-ops", "Operations")],
        assetsByUrl: new Dictionary<string, IReadOnlyList<LookupOption>> { ["https://cmdb.example.com/assets"] = [new("A-100", "Laptop A-100")] });

    private IRenderedComponent<GeneratedForm> Render(Action<ComponentParameterCollectionBuilder<GeneratedForm>>? more = null) =>
        RenderForm(Schemas.EveryFieldType(), p =>
        {
            p.Add(f => f.Lookup, Directory);
            more?.Invoke(p);
        });

    [Fact]
    public void Typing_in_a_user_picker_lists_matches_and_choosing_one_stores_its_id()
    {
        System.Collections.Immutable.ImmutableDictionary<string, object?>? value = null;
        var form = Render(p => p.Add(f => f.ValueChanged, v => value = v));

        InputAt(form, "Owner").Input("han");
        var option = Assert.Single(FieldAt(form, "Owner").QuerySelectorAll("button.gf-picker-option"));
        Assert.Contains("Han Meimei", option.TextContent);
        Assert.Contains("1 result(s)", FieldAt(form, "Owner").TextContent);

        form.Find("[data-path='Owner'] button.gf-picker-option").Click();

        Assert.Equal("u-2", value!["Owner"]);
        Assert.Equal("Han Meimei", FieldAt(form, "Owner").QuerySelector(".gf-chip")!.TextContent);
        Assert.Empty(FieldAt(form, "Owner").QuerySelectorAll("button.gf-picker-option"));
    }

    [Fact]
    public void Team_and_asset_pickers_search_their_own_sources()
    {
        var form = Render();

        InputAt(form, "Team").Input("oper");
        InputAt(form, "Asset").Input("laptop");

        Assert.Equal("t-ops", FieldAt(form, "Team").QuerySelector("button.gf-picker-option")!.GetAttribute("data-value"));
        Assert.Equal("A-100", FieldAt(form, "Asset").QuerySelector("button.gf-picker-option")!.GetAttribute("data-value"));
    }

    [Fact]
    public void A_value_from_the_data_shows_its_name_and_can_be_cleared()
    {
        var form = Render(p => p.Add(f => f.InitialData, Data("""{ "Owner": "u-1" }""")));
        Assert.Equal("Li Lei", FieldAt(form, "Owner").QuerySelector(".gf-chip")!.TextContent);

        form.Find("[data-path='Owner'] .gf-picker-value button").Click();

        Assert.Empty(FieldAt(form, "Owner").QuerySelectorAll(".gf-chip"));
    }

    [Fact]
    public void Without_a_lookup_a_search_finds_nothing_and_says_so()
    {
        var form = RenderForm(Schemas.EveryFieldType());

        InputAt(form, "Owner").Input("li");

        Assert.Empty(FieldAt(form, "Owner").QuerySelectorAll("button.gf-picker-option"));
        Assert.Contains("No matches.", FieldAt(form, "Owner").TextContent);
    }

    [Fact]
    public void An_asset_lookup_with_options_in_the_schema_is_a_select()
    {
        var schema = Schemas.Parse("""
        { "sections": [ { "fields": [ { "key": "Asset", "type": "assetLookup", "options": { "items": [ { "value": "A-1", "label": "Printer" } ] } } ] } ] }
        """);
        var form = RenderForm(schema);

        InputAt(form, "Asset").Change("A-1");

        Assert.Equal("SELECT", InputAt(form, "Asset").TagName);
        Assert.Equal("A-1", InputAt(form, "Asset").GetAttribute("value"));
    }
}
