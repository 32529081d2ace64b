namespace LowCode.Forms.Components.Tests;

/// <summary>Repeating groups are tables whose rows are added and removed within the group's row limits.</summary>
public sealed class RepeatingGroupTests : FormTest
{
    private static int Rows(IRenderedComponent<GeneratedForm> form) => form.FindAll("tbody tr[data-row]").Count;

    [Fact]
    public void A_group_starts_with_its_minimum_rows_and_cannot_go_below_them()
    {
        var form = RenderForm(Schemas.Expense());
        Assert.Equal(1, Rows(form));
        Assert.True(form.Find("[data-remove-row='0']").HasAttribute("disabled"));

        form.Find("[data-remove-row='0']").Click();
        Assert.Equal(1, Rows(form));
    }

    [Fact]
    public void Rows_are_added_up_to_the_maximum_and_removed_down_to_the_minimum()
    {
        var form = RenderForm(Schemas.Expense());

        form.Find("[data-add-row]").Click();
        form.Find("[data-add-row]").Click();
        Assert.Equal(3, Rows(form));
        Assert.True(form.Find("[data-add-row]").HasAttribute("disabled"));
        Assert.Contains("maximum of 3 rows", form.Find(".gf-table-actions").TextContent);

        form.Find("[data-add-row]").Click();
        Assert.Equal(3, Rows(form));

        form.Find("[data-remove-row='2']").Click();
        Assert.Equal(2, Rows(form));
        Assert.False(form.Find("[data-add-row]").HasAttribute("disabled"));
        Assert.False(form.Find("[data-remove-row='0']").HasAttribute("disabled"));
    }

    [Fact]
    public void Removing_a_row_moves_the_later_rows_up_with_their_values()
    {
        var form = RenderForm(Schemas.Expense());
        form.Find("[data-add-row]").Click();
        form.Find("[data-add-row]").Click();
        InputAt(form, "Lines[0].Item").Change("Taxi");
        InputAt(form, "Lines[1].Item").Change("Hotel");
        InputAt(form, "Lines[2].Item").Change("Meal");

        form.Find("[data-remove-row='1']").Click();

        Assert.Equal("Taxi", InputAt(form, "Lines[0].Item").GetAttribute("value"));
        Assert.Equal("Meal", InputAt(form, "Lines[1].Item").GetAttribute("value"));
    }

    [Fact]
    public void New_rows_take_the_column_defaults()
    {
        var schema = Schemas.Parse("""
        { "sections": [ { "fields": [ { "key": "Parts", "type": "repeatingGroup", "columns": [
            { "key": "Part", "type": "text" }, { "key": "Qty", "type": "number", "default": 1 } ] } ] } ] }
        """);
        var form = RenderForm(schema);
        Assert.Equal(0, Rows(form));
        Assert.NotEmpty(form.FindAll("td.gf-empty"));

        form.Find("[data-add-row]").Click();

        Assert.Equal("1", InputAt(form, "Parts[0].Qty").GetAttribute("value"));
    }
}
