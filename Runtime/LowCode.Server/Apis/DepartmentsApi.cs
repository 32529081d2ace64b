using LowCode.Grains.Organisation;
using LowCode.Server.Identity;
using LowCode.Server.Organisation;

namespace LowCode.Server.Apis;

/// <summary>Departments and their heads (the approvers of "department head" levels). Staff and analysts read; administrators write.</summary>
public static class DepartmentsApi
{
    public static void MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/departments").WithTags("Organisation").RequireAuthorization(Policies.OrgRead);

        api.MapGet("/", async (OrgService org, IPeopleDirectory people, CancellationToken ct) =>
        {
            var departments = (await org.SnapshotAsync(ct)).Departments.Values.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
            var names = await people.FindAsync([.. departments.Select(d => d.Head).OfType<string>().Distinct()], ct);
            return Results.Ok(departments.Select(d => DepartmentView.From(d, names)).ToList());
        }).Produces<IReadOnlyList<DepartmentView>>().WithName("ListDepartments").WithSummary("Every department with its head.");

        api.MapPut("/{key}", async (string key, HttpRequest request, OrgService org, IPeopleDirectory people) =>
        {
            var (body, error) = await Problems.ReadBody<DepartmentChange>(request);
            if (error is not null) return error;
            var outcome = await org.SaveDepartmentAsync(key, body!, Actors.Current(request.HttpContext), request.HttpContext.RequestAborted);
            if (!outcome.Succeeded) return Problems.FromChange(outcome);
            var names = await people.FindAsync([.. new[] { outcome.Value!.Head }.OfType<string>()], request.HttpContext.RequestAborted);
            return Results.Ok(DepartmentView.From(outcome.Value, names));
        })
        .RequireAuthorization(Policies.Administrator).Accepts<DepartmentChange>("application/json").Produces<DepartmentView>()
        .WithName("SaveDepartment").WithSummary("Creates or replaces a department (key: the name people's profiles carry) and its head.");
    }
}
