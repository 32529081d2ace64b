namespace LowCode.Server.Identity;

/// <summary>What people do in LowCode. A user may hold several roles.</summary>
public static class Roles
{
    /// <summary>Users, teams, calendars, API clients — and every ticket.</summary>
    public const string Administrator = "administrator";
    /// <summary>Designs and publishes ticket types.</summary>
    public const string Analyst = "analyst";
    /// <summary>Dashboards, all tickets of their teams, reassigning.</summary>
    public const string Manager = "manager";
    /// <summary>Agents and technicians: their tasks and their teams' queues.</summary>
    public const string Agent = "agent";
    /// <summary>End users: their own tickets, through the portal.</summary>
    public const string Customer = "customer";

    public static readonly IReadOnlyList<string> All = [Administrator, Analyst, Manager, Agent, Customer];
}

/// <summary>What integration clients (ERP, CRM, order systems) may be granted.</summary>
public static class Scopes
{
    public const string TicketsRead = "tickets.read";
    public const string TicketsWrite = "tickets.write";
    public const string TicketTypesRead = "ticket-types.read";
    public const string TicketTypesWrite = "ticket-types.write";

    public static readonly IReadOnlyList<string> All = [TicketsRead, TicketsWrite, TicketTypesRead, TicketTypesWrite];

    /// <summary>The audience (resource) tokens for the LowCode API carry.</summary>
    public const string ApiAudience = "lowcode-api";
}

/// <summary>Claim types LowCode adds beside the standard ones.</summary>
public static class LowCodeClaims
{
    /// <summary>A team (queue) the user belongs to: added at sign-in from the organisation's teams.</summary>
    public const string Team = "team";
    /// <summary>An organisation role used by flows (team-lead, quality-inspector…), not an access role.</summary>
    public const string OrgRole = "org_role";
    public const string Department = "department";
}
