using LowCode.Forms.Components.Attachments;
using LowCode.Forms.Components.Lookup;
using LowCode.Forms.Components.State;
using LowCode.Forms.Schema;
using Microsoft.Extensions.Localization;

namespace LowCode.Forms.Components;

/// <summary>
/// What the inputs of one <see cref="GeneratedForm"/> share (cascaded to them): the form state, the
/// services plugged in, the UI text, and the way to change a value so the form validates and re-renders.
/// </summary>
public sealed class FormSession
{
    private readonly Func<Task> _changed;

    internal FormSession(FormState state, IStringLocalizer text, Func<Task> changed)
    {
        State = state;
        Text = text;
        _changed = changed;
    }

    public FormState State { get; }
    public IStringLocalizer Text { get; internal set; }
    public IFormLookup Lookup { get; internal set; } = NoFormLookup.Instance;
    public IFormAttachmentUploader? Uploader { get; internal set; }
    public TimeZoneInfo TimeZone { get; internal set; } = TimeZoneInfo.Local;
    public string IdPrefix { get; internal set; } = "gf";
    /// <summary>The whole form is for reading only.</summary>
    public bool ReadOnly { get; internal set; }
    /// <summary>Files being uploaded now; the form is not submitted meanwhile.</summary>
    public int PendingUploads { get; private set; }

    public string T(string name, params object[] arguments) => arguments.Length == 0 ? Text[name] : Text[name, arguments];

    public string IdOf(FieldPath path) => path.ToId(IdPrefix);

    public FieldBinding Bind(FormField field)
    {
        var path = FieldPath.Of(field.Key);
        return new FieldBinding
        {
            Field = field,
            Path = path,
            Id = IdOf(path),
            Label = field.DisplayName,
            Value = State.ValueAt(path),
            ReadOnly = ReadOnly || field.ReadOnly || field.Computed is not null,
            Required = State.IsRequired(field),
            Problems = State.ShownProblems(field, path),
        };
    }

    public FieldBinding BindCell(FormField group, int row, FormField column)
    {
        var path = FieldPath.Of(group.Key).Cell(row, column.Key);
        return new FieldBinding
        {
            Field = column,
            Path = path,
            Id = IdOf(path),
            Label = T(Localization.FormText.CellLabel, column.DisplayName, row + 1),
            Value = State.ValueAt(path),
            ReadOnly = ReadOnly || group.ReadOnly || group.Computed is not null || column.ReadOnly || column.Computed is not null,
            Required = column.Required,
            InCell = true,
            Problems = State.ShownProblems(column, path),
        };
    }

    /// <summary>Sets a value (as typed: <paramref name="touch"/> false; committed: true) and re-validates the form.</summary>
    public Task SetAsync(FieldPath path, object? value, bool touch)
    {
        State.Set(path, value);
        if (touch) State.Touch(path);
        return _changed();
    }

    public Task TouchAsync(FieldPath path) => State.Touch(path) ? _changed() : Task.CompletedTask;

    public Task AddRowAsync(FormField group)
    {
        State.AddRow(group);
        return _changed();
    }

    public Task RemoveRowAsync(FormField group, int index)
    {
        State.RemoveRow(group, index);
        return _changed();
    }

    public Task UploadingAsync(bool started)
    {
        PendingUploads = Math.Max(0, PendingUploads + (started ? 1 : -1));
        return _changed();
    }
}
