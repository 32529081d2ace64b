using System.Collections.Immutable;
using System.Text.Json;
using LowCode.Forms.Schema;
using LowCode.Forms.Validation;
using LowCode.Runtime.Json;

namespace LowCode.Forms.Tests.Support;

/// <summary>Submissions written as JSON, read exactly as the server reads them.</summary>
public static class Data
{
    public static ImmutableDictionary<string, object?> Of(string json) =>
        JsonSerializer.Deserialize<ImmutableDictionary<string, object?>>(json, LowCodeJson.Options)!;

    public static string ToJson(ImmutableDictionary<string, object?> data) => JsonSerializer.Serialize(data, LowCodeJson.Options);

    /// <summary>A one-section form of the given fields.</summary>
    public static FormSchema Form(params FormField[] fields) =>
        new() { Sections = [new FormSection { Key = "main", Title = "Main", Columns = 2, Fields = [.. fields] }] };

    public static FormValidationResult Validate(FormSchema schema, string json) => FormValidator.Validate(schema, Of(json));

    public static string Codes(FormValidationResult result) =>
        string.Join(" ", result.Problems.Select(p => $"{p.Path}:{p.Code}"));
}
