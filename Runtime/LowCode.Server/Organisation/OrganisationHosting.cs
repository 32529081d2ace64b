using LowCode.Server.Apis;

namespace LowCode.Server.Organisation;

/// <summary>The organisation in the host: people from the identity store, and the users, teams, departments and agents APIs.</summary>
public static class OrganisationHosting
{
    public static WebApplicationBuilder AddLowCodeOrganisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PeopleService>();
        return builder;
    }

    public static void MapOrganisationApis(this IEndpointRouteBuilder app)
    {
        app.MapUsersApi();
        app.MapTeamsApi();
        app.MapDepartmentsApi();
        app.MapAgentsApi();
    }
}
