using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using LowCode.Runtime.Json;

namespace LowCode.Designer.TicketTypes.TestRun;

/// <summary>Sample form data as JSON the analyst can read and paste, in the shape the form validator takes.</summary>
internal static class SampleDataJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new DataRecordConverter() },
    };

    public static string Write(ImmutableDictionary<string, object?> data) => JsonSerializer.Serialize(data, Options);

    /// <summary>The data, or the parser's message when the text is not a JSON object.</summary>
    public static (ImmutableDictionary<string, object?>? Data, string? Error) Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return (ImmutableDictionary<string, object?>.Empty, null);
        try
        {
            return (JsonSerializer.Deserialize<ImmutableDictionary<string, object?>>(json, Options) ?? ImmutableDictionary<string, object?>.Empty, null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }
}
