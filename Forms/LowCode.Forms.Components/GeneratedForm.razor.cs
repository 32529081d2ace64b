using System.Collections.Immutable;
using LowCode.Forms.Components.Attachments;
using LowCode.Forms.Components.Localization;
using LowCode.Forms.Components.Lookup;
using LowCode.Forms.Components.State;
using LowCode.Forms.Schema;
using LowCode.Forms.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LowCode.Forms.Components;

/// <summary>
/// Renders any <see cref="FormSchema"/>: sections on a column grid and an input for every field type.
/// The data is kept in the shape <see cref="FormValidator.Validate"/> takes, and after every change the
/// form runs that same validator, so visibility, computed values, defaults and problems are exactly the
/// server's. Problems show next to a field once it was left (or everywhere after a submit attempt), and in a
/// summary after a failed submit. <see cref="OnValidSubmit"/> receives the validator's clean data.
/// </summary>
public partial class GeneratedForm : ComponentBase
{
    private static readonly FormSchema NoSchema = new();

    private FormSession? _session;
    private ErrorSummary? _summary;
    private FormValidationContext? _ownContext;
    private ImmutableDictionary<string, object?>? _lastValue;
    private bool _submitting;
    private bool _focusSummary;
    private string? _schemaFingerprint;
    private IReadOnlyList<FormProblem>? _shownExternal;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    /// <summary>The form to render. Null or odd schemas render what they can, never throw.</summary>
    [Parameter, EditorRequired] public FormSchema? Schema { get; set; }

    /// <summary>The data, two-way (<c>@bind-Value</c>); raised after every change with defaults and computed values applied.</summary>
    [Parameter] public ImmutableDictionary<string, object?>? Value { get; set; }
    [Parameter] public EventCallback<ImmutableDictionary<string, object?>> ValueChanged { get; set; }

    /// <summary>Starting data when <see cref="Value"/> is not bound (a draft, values from the ticket).</summary>
    [Parameter] public ImmutableDictionary<string, object?>? InitialData { get; set; }

    /// <summary>What expressions may read besides the form (now, requester, ticket, vars); the server should use the same.</summary>
    [Parameter] public FormValidationContext? Context { get; set; }

    /// <summary>Called with <see cref="FormValidationResult.CleanData"/> when a submitted form is valid; never when it is not.</summary>
    [Parameter] public EventCallback<ImmutableDictionary<string, object?>> OnValidSubmit { get; set; }

    /// <summary>Called with the problems when a submit attempt finds the form invalid.</summary>
    [Parameter] public EventCallback<FormValidationResult> OnInvalidSubmit { get; set; }

    /// <summary>
    /// Problems found outside the form, such as the server's refusal, by field path (<c>Lines[1].Amount</c>): each
    /// shows under its field like the form's own, until the user edits that field. A new list replaces the old one.
    /// </summary>
    [Parameter] public IReadOnlyList<FormProblem>? ExternalProblems { get; set; }

    /// <summary>The submit button's text; "Submit" in the user's language by default.</summary>
    [Parameter] public string? SubmitLabel { get; set; }

    /// <summary>Shows the data for reading only: no input can change, no submit button.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    [Parameter] public bool ShowSubmit { get; set; } = true;

    /// <summary>More buttons after the submit button (Save draft, Reject...).</summary>
    [Parameter] public RenderFragment? Actions { get; set; }

    /// <summary>People, teams and assets for the pickers; else the registered <see cref="IFormLookup"/>; else none.</summary>
    [Parameter] public IFormLookup? Lookup { get; set; }

    /// <summary>Stores picked files; else the registered <see cref="IFormAttachmentUploader"/>; else file inputs are disabled.</summary>
    [Parameter] public IFormAttachmentUploader? Uploader { get; set; }

    /// <summary>The user's time zone for date-time fields (server rendering cannot see the browser's); the server's by default.</summary>
    [Parameter] public TimeZoneInfo? TimeZone { get; set; }

    /// <summary>Prefix of every element id; give each form on one page its own.</summary>
    [Parameter] public string IdPrefix { get; set; } = "gf";

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>The validator's verdict on the data as it stands.</summary>
    public FormValidationResult? Result => _session?.State.Result;

    protected override void OnParametersSet()
    {
        var schema = Schema ?? NoSchema;
        var context = Context ?? (_ownContext ??= new FormValidationContext());
        var fingerprint = FormSchemaJson.Serialize(schema, indented: false);
        var newValue = Value is not null && !ReferenceEquals(Value, _lastValue) ? Value : null;
        if (_session is null || !ReferenceEquals(schema, _session.State.Schema) || fingerprint != _schemaFingerprint)
        {
            // A new or edited schema (the designer's preview edits in place): keep what was typed for fields still there.
            var values = newValue ?? CarriedOver(schema) ?? Value ?? InitialData;
            _session = new FormSession(new FormState(schema, context, values, startRows: !ReadOnly), Localizer(), OnChangedAsync);
            _schemaFingerprint = fingerprint;
            _shownExternal = null;
        }
        else
        {
            if (newValue is not null) _session.State.Load(newValue, startRows: !ReadOnly);
            if (!Equals(context, _session.State.Context)) _session.State.UseContext(context);
        }
        _lastValue = Value;
        if (!ReferenceEquals(ExternalProblems, _shownExternal))
        {
            _session.State.ShowExternal(ExternalProblems);
            _shownExternal = ExternalProblems;
        }
        _session.Text = Localizer();
        _session.Lookup = Lookup ?? Services.GetService<IFormLookup>() ?? NoFormLookup.Instance;
        _session.Uploader = Uploader ?? Services.GetService<IFormAttachmentUploader>();
        _session.TimeZone = TimeZone ?? TimeZoneInfo.Local;
        _session.IdPrefix = string.IsNullOrWhiteSpace(IdPrefix) ? "gf" : IdPrefix;
        _session.ReadOnly = ReadOnly;
    }

    private ImmutableDictionary<string, object?>? CarriedOver(FormSchema schema)
    {
        if (_session is null) return null;
        var keys = FormFields.Of(schema).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return _session.State.Values.Where(p => keys.Contains(p.Key)).ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Submits as the submit button does (for hosts with their own buttons); true when the data was valid.</summary>
    public async Task<bool> SubmitAsync()
    {
        if (_session is not { } session || _submitting || ReadOnly || session.PendingUploads > 0) return false;
        _submitting = true;
        StateHasChanged();
        try
        {
            var result = session.State.AttemptSubmit();
            if (result.IsValid)
            {
                await OnValidSubmit.InvokeAsync(result.CleanData);
                return true;
            }
            _focusSummary = true;
            await OnInvalidSubmit.InvokeAsync(result);
            return false;
        }
        finally
        {
            _submitting = false;
            StateHasChanged();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusSummary || _summary is null) return;
        _focusSummary = false;
        await _summary.FocusAsync();
    }

    private Task HandleSubmitAsync() => SubmitAsync();

    private async Task OnChangedAsync()
    {
        StateHasChanged();
        var values = _session!.State.Values;
        if (ReferenceEquals(values, _lastValue)) return;
        _lastValue = values;
        await ValueChanged.InvokeAsync(values);
    }

    /// <summary>Outside problems that no visible field shows: form-level ones, hidden or unknown fields.</summary>
    private static List<FormProblem> UnplacedExternalProblems(FormSession session) =>
        session.State.ExternalProblems.Where(p => session.State.Fields.FirstOrDefault(f => f.Key == FieldPath.Parse(p.Path).Key) is not { } field
            || !session.State.IsVisible(field)).ToList();

    private IStringLocalizer Localizer() => Services.GetService<IStringLocalizer<FormText>>() ?? FallbackText.Localizer;
}
