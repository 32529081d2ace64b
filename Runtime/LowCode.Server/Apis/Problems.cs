using System.Text.Json;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Json;
using LowCode.Runtime.Validation;

namespace LowCode.Server.Apis;

/// <summary>Turns refusals into RFC 7807 problem responses that say what is wrong and where.</summary>
public static class Problems
{
    public static IResult From<T>(CommandOutcome<T> outcome) => outcome.Error switch
    {
        CommandError.NotFound => Results.Problem(statusCode: 404, title: "Not found", detail: outcome.Message),
        CommandError.Conflict => Results.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message),
        CommandError.InvalidForm => FormInvalid(outcome.Message ?? "The form data is not valid.", outcome.Problems ?? []),
        _ when outcome.Problems is { Count: > 0 } problems => Invalid(outcome.Message ?? "The request is not valid.", problems),
        _ => Results.Problem(statusCode: 422, title: "Not valid", detail: outcome.Message),
    };

    public static IResult Invalid(string detail, IReadOnlyList<ValidationProblem> problems) =>
        Results.Problem(statusCode: 422, title: "Not valid", detail: detail,
            extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(Describe).ToList() });

    /// <summary>
    /// Refused form data: 400 with <c>errors</c> keyed by field path (<c>Lines[1].Amount</c>, as the form's keys are
    /// spelled) for renderers, and <c>problems</c> with a stable code per problem for clients.
    /// </summary>
    public static IResult FormInvalid(string detail, IReadOnlyList<ValidationProblem> problems) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Path ?? "").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: detail, title: "The form data is not valid.", statusCode: 400,
            extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new { path = p.Path ?? "", code = p.Code, message = p.Message }).ToList() });
    /// Organisation changes (users, teams, agents, departments): a refusal for bad fields is a 400 whose
    /// <c>errors</c> name every field (with <c>problems</c> as elsewhere); not found 404; taken 409.
    /// </summary>
    public static IResult FromChange<T>(CommandOutcome<T> outcome) => outcome.Error switch
    {
        CommandError.NotFound => NotFound(outcome.Message ?? "Not found."),
        CommandError.Conflict => Results.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message),
        _ => InvalidFields(outcome.Message ?? "The request is not valid.", outcome.Problems ?? []),
    };

    public static IResult InvalidFields(string detail, IReadOnlyList<ValidationProblem> problems) =>
        Results.Problem(statusCode: 400, title: "The request is not valid.", detail: detail, extensions: new Dictionary<string, object?>
        {
            ["errors"] = problems.GroupBy(p => p.Path ?? "").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            ["problems"] = problems.Select(Describe).ToList(),
        });

    public static IResult Field(string field, string message) =>
        Results.Problem(statusCode: 422, title: "Not valid", detail: message,
            extensions: new Dictionary<string, object?> { ["problems"] = new[] { new { path = field, message } } });

    public static IResult BadRequest(string detail, string? path = null) =>
        Results.Problem(statusCode: 400, title: "The request could not be read.", detail: detail,
            extensions: path is null ? null : new Dictionary<string, object?> { ["path"] = path });

    public static IResult NotFound(string detail) => Results.Problem(statusCode: 404, title: "Not found", detail: detail);

    public static object Describe(ValidationProblem p) => new
    {
        code = p.Code, message = p.Message, severity = p.Severity.ToString().ToLowerInvariant(),
        nodeId = p.NodeId, connection = p.Connection, path = p.Path, line = p.Line, column = p.Column,
    };

    /// <summary>Reads a JSON body with the engine's options; malformed JSON gives a 400 naming the place.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadBody<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength == 0) return (null, BadRequest("The request body is empty; send JSON."));
        // JSON only: a cross-site form cannot send it without the browser asking first (CORS preflight).
        if (!request.HasJsonContentType())
            return (null, Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the body as application/json."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, LowCodeJson.Options, request.HttpContext.RequestAborted);
            return value is null ? (null, BadRequest("The request body is null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" Path:")[0];
            return (null, BadRequest($"{message} (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})", e.Path));
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, BadRequest(e.Message));
        }
    }
}
