using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using LowCode.Forms.Components.Hosting;
using LowCode.Forms.Schema;
using LowCode.Runtime.Json;

namespace LowCode.Forms.Components.Tests.Support;

/// <summary>A bUnit context with the renderer's services registered the way a host registers them.</summary>
public abstract class FormTest : BunitContext
{
    protected FormTest()
    {
        Services.AddLowCodeFormComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected IRenderedComponent<GeneratedForm> RenderForm(FormSchema schema, Action<ComponentParameterCollectionBuilder<GeneratedForm>>? more = null) =>
        Render<GeneratedForm>(p =>
        {
            p.Add(f => f.Schema, schema);
            more?.Invoke(p);
        });

    /// <summary>The wrapper of a field or cell (label, input, help, errors).</summary>
    protected static IElement FieldAt(IRenderedComponent<GeneratedForm> form, string path) => form.Find($"div.gf-field[data-path='{path}']");

    protected static bool Shows(IRenderedComponent<GeneratedForm> form, string path) => form.FindAll($"div.gf-field[data-path='{path}']").Count > 0;

    /// <summary>The native input (input, select or textarea) of a field or cell.</summary>
    protected static IElement InputAt(IRenderedComponent<GeneratedForm> form, string path) =>
        form.Find($"input[data-path='{path}'], select[data-path='{path}'], textarea[data-path='{path}']");

    protected static IReadOnlyList<string> ErrorsAt(IRenderedComponent<GeneratedForm> form, string path) =>
        FieldAt(form, path).Children.Where(c => c.ClassList.Contains("gf-errors"))
            .SelectMany(c => c.QuerySelectorAll(".gf-error")).Select(e => e.TextContent.Trim()).ToList();

    public static ImmutableDictionary<string, object?> Data(string json) =>
        JsonSerializer.Deserialize<ImmutableDictionary<string, object?>>(json, LowCodeJson.Options)!;

    /// <summary>Data as JSON with keys in order (records inside are written sorted by the platform's converter).</summary>
    public static string Json(ImmutableDictionary<string, object?> data) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(data, StringComparer.Ordinal), Readable);

    private static readonly JsonSerializerOptions Readable = new(LowCodeJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
