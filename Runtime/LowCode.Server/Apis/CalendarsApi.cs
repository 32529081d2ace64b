using LowCode.Grains.Hosting;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Calendars;
using LowCode.Server.Identity;

namespace LowCode.Server.Apis;

/// <summary>
/// Business calendars (working hours per weekday, public holidays, make-up working days, time zone):
/// staff and analysts read them, administrators add and change them. SLA clocks, step due times and
/// agents' shifts count in them; a change reaches running tickets on every instance within seconds.
/// </summary>
public static class CalendarsApi
{
    public sealed record CalendarView(string Key, string Name, string TimeZone, bool BuiltIn, BusinessCalendar Definition);

    public static void MapCalendarsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendars").WithTags("Calendars").RequireAuthorization(Policies.OrgRead);

        api.MapGet("/", async (CalendarCatalog calendars, CancellationToken ct) =>
        {
            await calendars.RefreshAsync(ct: ct);
            return Results.Ok(calendars.All.Values.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new CalendarView(c.Key, c.Name, c.TimeZone, CalendarCatalog.IsBuiltIn(c.Key), c)));
        }).Produces<IEnumerable<CalendarView>>().WithName("ListCalendars").WithSummary("Every business calendar with its definition.");

        api.MapPut("/{key}", async (string key, HttpRequest request, CalendarCatalog calendars, TicketClock clock) =>
        {
            if (CalendarCatalog.IsBuiltIn(key))
                return Results.Problem(statusCode: 409, title: "Conflict", detail: $"'{key}' is built in and cannot be changed; save your own under another key.");
            if (!TicketTypeCompiler.IsKey(key))
                return Problems.InvalidFields("The calendar key is not valid.", [new("key", "The key must be lower-case letters, digits and '-', starting with a letter (e.g. shanghai-plant).") { Path = "key" }]);
            var (body, error) = await Problems.ReadBody<BusinessCalendar>(request);
            if (error is not null) return error;
            var calendar = body! with { Key = key, Name = string.IsNullOrWhiteSpace(body.Name) ? key : body.Name.Trim() };
            var problems = calendar.Validate();
            if (problems.Count > 0)
                return Problems.InvalidFields($"The calendar has {problems.Count} problem(s).",
                    [.. problems.Select(p => new Runtime.Validation.ValidationProblem("calendar", p) { Path = p.Split([' ', ':', '('], 2)[0] })]);
            await calendars.SaveAsync(calendar, clock.Now, request.HttpContext.RequestAborted);
            return Results.Ok(new CalendarView(calendar.Key, calendar.Name, calendar.TimeZone, false, calendar));
        })
        .RequireAuthorization(Policies.Administrator).Accepts<BusinessCalendar>("application/json").Produces<CalendarView>()
        .WithName("SaveCalendar").WithSummary("Adds or replaces a business calendar (400 naming each wrong entry; built-in calendars are 409).");
    }
}
