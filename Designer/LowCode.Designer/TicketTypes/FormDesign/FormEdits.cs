using System.Globalization;
using LowCode.Forms.Schema;

namespace LowCode.Designer.TicketTypes.FormDesign;

/// <summary>
/// The form designer's changes as pure functions over an immutable <see cref="FormSchema"/>: each returns the next
/// form, which the designer hands to the session as one undoable step.
/// </summary>
public static class FormEdits
{
    /// <summary>A new field of <paramref name="type"/> with a free key and what its type needs to be valid at once (options, a column, a currency).</summary>
    public static FormField NewField(FormSchema form, FieldType type, string label)
    {
        var prefix = type.ToString();
        var taken = form.AllFields().Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var key = Enumerable.Range(1, int.MaxValue).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture)).First(k => !taken.Contains(k));
        var field = new FormField { Key = key, Label = label, Type = type };
        return type switch
        {
            _ when type.HasOptions() && type != FieldType.AssetLookup =>
                field with { Options = new OptionSource { Items = [new FieldOption("option1", "Option 1"), new FieldOption("option2", "Option 2")] } },
            FieldType.AssetLookup => field with { Options = new OptionSource { Url = "https://assets.example.com/api/lookup" } },
            FieldType.Money => field with { Currency = "CNY" },
            FieldType.RepeatingGroup => field with { Columns = [new FormField { Key = "Item", Label = "Item", Type = FieldType.Text }] },
            _ => field,
        };
    }

    /// <summary>Inserts <paramref name="field"/> into a section at <paramref name="index"/> (appended when null); adds a first section to an empty form.</summary>
    public static (FormSchema Form, int Section, int Index) Insert(FormSchema form, int section, FormField field, int? index = null)
    {
        if (form.Sections.Count == 0) form = AddSection(form, "");
        section = Math.Clamp(section, 0, form.Sections.Count - 1);
        var fields = form.Sections[section].Fields.ToList();
        var at = Math.Clamp(index ?? fields.Count, 0, fields.Count);
        fields.Insert(at, field);
        return (WithSection(form, section, form.Sections[section] with { Fields = fields }), section, at);
    }

    /// <summary>Moves a field to another place (same or another section); <paramref name="toIndex"/> counts in the form before the move.</summary>
    public static (FormSchema Form, int Section, int Index) Move(FormSchema form, int fromSection, int fromIndex, int toSection, int toIndex)
    {
        var field = form.Sections[fromSection].Fields[fromIndex];
        if (fromSection == toSection && toIndex > fromIndex) toIndex--;
        return Insert(Remove(form, fromSection, fromIndex), toSection, field, toIndex);
    }

    public static FormSchema Remove(FormSchema form, int section, int index) =>
        WithSection(form, section, form.Sections[section] with { Fields = [.. form.Sections[section].Fields.Where((_, i) => i != index)] });

    public static FormSchema Replace(FormSchema form, int section, int index, FormField field) =>
        WithSection(form, section, form.Sections[section] with { Fields = [.. form.Sections[section].Fields.Select((f, i) => i == index ? field : f)] });

    public static FormSchema AddSection(FormSchema form, string title)
    {
        var taken = form.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var key = Enumerable.Range(1, int.MaxValue).Select(n => "section" + n.ToString(CultureInfo.InvariantCulture)).First(k => !taken.Contains(k));
        return form with { Sections = [.. form.Sections, new FormSection { Key = key, Title = title, Columns = 1 }] };
    }

    public static FormSchema RemoveSection(FormSchema form, int section) => form with { Sections = [.. form.Sections.Where((_, i) => i != section)] };

    public static FormSchema WithSection(FormSchema form, int section, FormSection next) =>
        form with { Sections = [.. form.Sections.Select((s, i) => i == section ? next : s)] };

    /// <summary>Moves a section up (-1) or down (+1).</summary>
    public static FormSchema ShiftSection(FormSchema form, int section, int by)
    {
        var to = section + by;
        if (to < 0 || to >= form.Sections.Count) return form;
        var sections = form.Sections.ToList();
        (sections[section], sections[to]) = (sections[to], sections[section]);
        return form with { Sections = sections };
    }
}
