using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// The form library at work in the API: ticket type forms checked with everything else when saved, imported
/// and published; submissions validated on the server, refused with a 400 naming each field, or stored clean.
/// </summary>
public sealed class FormWiringTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Form_problems_are_reported_with_the_flows_on_save_validate_import_and_publish()
    {
        var key = TestTicketTypes.NewKey("broken-form");

        var created = await _client.CreateTicketTypeAsync(TestTicketTypes.BrokenForm(key));
        var validation = await _client.PostAsync($"/api/ticket-types/{key}/validate", null).ExpectAsync(HttpStatusCode.OK);
        var imported = await _client.PostJsonAsync("/api/ticket-types/import", TestTicketTypes.BrokenForm(key)).ExpectAsync(HttpStatusCode.OK);
        var refused = await _client.PostAsync($"/api/ticket-types/{key}/publish", null).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        string[] expected = ["form.sections[0].fields[1].visibleWhen", "form.sections[0].fields[2].key", "connections[0].target"]; // and more of the flow
        foreach (var problems in new[] { created.Items("problems"), validation.Items("problems"), imported.GetProperty("validation").Items("problems"), refused.Items("problems") })
            Assert.Superset(expected.ToHashSet(), problems.Select(p => p.TextOrNull("path") ?? "").ToHashSet());
        var visibleWhen = Assert.Single(validation.Items("problems"), p => p.TextOrNull("path") == expected[0]);
        Assert.Equal("form", visibleWhen.Text("code"));
        Assert.Contains("Cuont", visibleWhen.Text("message"), StringComparison.Ordinal);
        Assert.Equal(1, visibleWhen.GetProperty("line").GetInt32());
        Assert.Contains("'Count' is already used by sections[0].fields[0]", Assert.Single(validation.Items("problems"), p => p.TextOrNull("path") == expected[1]).Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sound_draft_saves_with_no_problems()
    {
        var key = TestTicketTypes.NewKey("sound-form");

        var created = await _client.CreateTicketTypeAsync(TestTicketTypes.Inspection(key));

        Assert.Empty(created.Items("problems"));
    }

    [Fact]
    public async Task Invalid_expense_data_is_400_with_every_row_and_rule_problem_by_path_and_nothing_is_stored()
    {
        var marker = $"claim{Guid.NewGuid():N}";
        var form = TestTicketTypes.ExpenseForm("""[ { "Item": "Taxi", "Amount": 80 }, { "Item": "", "Amount": -5, "Tip": 1 } ]""")
            .Replace("2026-03-04", "2026-02-27", StringComparison.Ordinal).Replace("Customer visit", marker, StringComparison.Ordinal);

        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "expense-approval", "form": {{form}} }""").ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.Errors();
        Assert.Equal(["EndDate", "Lines[1].Amount", "Lines[1].Item", "Lines[1].Tip"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("结束日期不能早于开始日期 The end date cannot be before the start date.", errors["EndDate"].Single());
        Assert.Equal("金额 Amount must be at least 0.01.", errors["Lines[1].Amount"].Single());
        Assert.Equal("The form has 4 problem(s).", problem.Text("detail"));
        Assert.Equal(0, (await _client.ListAsync($"q={marker}")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_empty_expense_claim_needs_at_least_one_line()
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "expense-approval", "form": {{TestTicketTypes.ExpenseForm("[]")}} }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Lines"], problem.Errors().Keys);
    }

    [Fact]
    public async Task The_total_is_computed_on_the_server_whatever_the_client_claims()
    {
        var form = TestTicketTypes.ExpenseForm("""[ { "Item": "Taxi", "Category": "taxi", "Amount": 88.5 }, { "Item": "Lunch", "Category": "meals", "Amount": 120 } ]""", ", \"Amount\": 1");

        var ticket = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "expense-approval", "form": {{form}} }""").ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(208.5m, ticket.GetProperty("form").GetProperty("Amount").GetDecimal());
        Assert.Equal(208.5m, ticket.GetProperty("variables").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_claim_over_1000_needs_receipts()
    {
        var form = TestTicketTypes.ExpenseForm("""[ { "Item": "Hotel", "Amount": 1200 } ]""");

        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "expense-approval", "form": {{form}} }""").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("发票/收据 Receipts is required.", problem.Errors()["Receipts"].Single());
    }

    [Fact]
    public async Task A_field_hidden_by_its_condition_is_dropped_and_defaults_are_stored()
    {
        const string form = """{ "Asset": "Lathe 7", "Site": "SH", "Category": "mechanical", "Description": "Spindle rattles", "Urgent": false, "StoppedSince": "2026-03-02T08:00:00+08:00" }""";

        var ticket = await _client.OpenTicketAsync("equipment-repair", form);

        var stored = ticket.GetProperty("form");
        Assert.False(stored.TryGetProperty("StoppedSince", out _));
        Assert.Equal("P3", stored.Text("Priority"));
        Assert.Equal("P3", ticket.Text("priority"));
    }

    [Fact]
    public async Task The_forms_priority_sets_the_tickets_when_the_request_gives_none()
    {
        const string form = """{ "Asset": "Press #2", "Site": "SZ", "Category": "electrical", "Description": "Sparks", "Urgent": true, "StoppedSince": "2026-03-02T08:00:00+08:00", "Priority": "P1" }""";

        var ticket = await _client.OpenTicketAsync("equipment-repair", form);

        Assert.Equal("P1", ticket.Text("priority"));
        Assert.Equal("2026-03-02T08:00:00+08:00", ticket.GetProperty("form").Text("StoppedSince"));
    }

    [Fact]
    public async Task Task_completion_is_checked_against_the_steps_task_form_and_stores_clean_data()
    {
        var ticket = await _client.OpenRepairAsync();
        var (id, repair) = (ticket.Text("id"), ticket.OpenTaskAt("repair"));

        var problem = await _client.CompleteAsync(id, repair, """{ "action": "repaired", "data": { "PartsCost": -1, "RepairNotes": 42 } }""").ExpectProblemAsync(HttpStatusCode.BadRequest);
        var done = await _client.CompleteAsync(id, repair, """{ "action": "repaired", "data": { "PartsCost": 35.5 } }""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["PartsCost", "RepairNotes"], problem.Errors().Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The task form has 2 problem(s).", problem.Text("detail"));
        Assert.Equal(35.5m, done.GetProperty("form").GetProperty("PartsCost").GetDecimal());
        Assert.Single(done.Items("tasks"), t => t.Text("nodeId") == "repair" && t.Text("status") == "completed");
    }

    [Fact]
    public async Task Data_for_a_step_without_a_task_form_is_400()
    {
        var ticket = await _client.OpenTicketAsync("expense-approval", TestTicketTypes.ExpenseForm("""[ { "Item": "Taxi", "Amount": 80 } ]"""));

        var problem = await _client.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("approve"), """{ "action": "approve", "data": { "Amount": 1 } }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("'Amount' is not a field of this form.", problem.Errors()["Amount"].Single());
    }
}
