namespace LowCode.Server.Tests.Api;

/// <summary>An integration client as configured under <c>LowCode:Clients:N</c>: id, secret and the scopes it may ask for.</summary>
public sealed record TestClient(string Id, string Secret, string Scopes);

/// <summary>The integration clients every test host is configured with.</summary>
public static class TestClients
{
    /// <summary>The client the API tests act as: every LowCode scope. Tickets it opens name it as the requester.</summary>
    public static readonly TestClient Integration = new("lowcode-tests", "tests-secret-0", "tickets.read tickets.write ticket-types.read ticket-types.write");

    /// <summary>Reads tickets, nothing else.</summary>
    public static readonly TestClient TicketReader = new("ticket-reader", "tests-secret-1", "tickets.read");

    /// <summary>Reads ticket types, nothing else.</summary>
    public static readonly TestClient TicketTypeReader = new("ticket-type-reader", "tests-secret-2", "ticket-types.read");

    /// <summary>A client of another API (reports): its tokens are not for the LowCode API.</summary>
    public static readonly TestClient Reporting = new("reporting", "tests-secret-3", "reports.read");

    public static readonly IReadOnlyList<TestClient> All = [Integration, TicketReader, TicketTypeReader, Reporting];
}
