using LowCode.Forms.Components.State;
using LowCode.Forms.Schema;
using Microsoft.AspNetCore.Components;

namespace LowCode.Forms.Components.Fields;

/// <summary>The input of one field type: reads its binding, writes through the form session.</summary>
public abstract class FieldInputBase : ComponentBase
{
    [CascadingParameter] public FormSession Session { get; set; } = default!;

    [Parameter, EditorRequired] public FieldBinding Binding { get; set; } = default!;

    protected FormField Field => Binding.Field;

    protected string T(string name, params object[] arguments) => Session.T(name, arguments);

    /// <summary>A value as typed: validated at once, problems not shown until the field is left.</summary>
    protected Task InputAsync(object? value) => Session.SetAsync(Binding.Path, value, touch: false);

    /// <summary>A committed value (the field was left, or a choice was made): problems show from now on.</summary>
    protected Task ChangeAsync(object? value) => Session.SetAsync(Binding.Path, value, touch: true);

    protected Task TouchAsync() => Session.TouchAsync(Binding.Path);
}
