using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Xunit;

namespace LowCode.Grains.Tests.Tickets;

/// <summary>The ticket grain checks forms with the Forms library and stores only the clean data; attachments are linked on the way.</summary>
[Collection(TicketClusterCollection.Name)]
public sealed class TicketFormTests(TicketCluster cluster)
{
    private static readonly PersonInfo Requester = new("u-form", "Form Tester") { Manager = "u-li" };

    private static readonly ImmutableDictionary<string, object?> Repair = ImmutableDictionary<string, object?>.Empty
        .Add("Asset", "Press #4").Add("Site", "SH").Add("Category", "electrical").Add("Description", "Motor trips");

    private TicketReadModel ReadModel => new(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={cluster.Database}"));

    private async Task<(string Id, CommandOutcome<TicketSnapshot> Outcome)> Create(string type, ImmutableDictionary<string, object?> form, string? actor = null)
    {
        var id = TicketIds.New(TicketCluster.Clock.GetUtcNow());
        return (id, await cluster.Grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket(type, Requester, actor ?? Requester.Id) { Form = form }));
    }

    private static ImmutableArray<object?> Files(params ImmutableDictionary<string, object?>[] references) => [.. references];

    [Fact]
    public async Task Only_clean_data_is_stored_hidden_fields_dropped_and_defaults_applied()
    {
        var (_, outcome) = await Create("equipment-repair", Repair.Add("Urgent", false).Add("StoppedSince", "2026-03-02T07:00:00+08:00"));

        Assert.True(outcome.Succeeded, outcome.Message);
        var form = outcome.Value!.State.Form;
        Assert.False(form.ContainsKey("StoppedSince")); // visible only when production stopped
        Assert.Equal("P3", form["Priority"]);
    }

    [Fact]
    public async Task A_field_shown_by_a_condition_is_checked_and_kept()
    {
        var (_, missing) = await Create("equipment-repair", Repair.Add("Urgent", true));
        var (_, given) = await Create("equipment-repair", Repair.Add("Urgent", true).Add("StoppedSince", "2026-03-02T07:00:00+08:00"));

        Assert.Equal(CommandError.InvalidForm, missing.Error);
        Assert.Equal(("StoppedSince", "required"), (missing.Problems!.Single().Path, missing.Problems!.Single().Code));
        Assert.Equal("2026-03-02T07:00:00+08:00", given.Value!.State.Form["StoppedSince"]);
    }

    [Fact]
    public async Task The_computed_total_is_recomputed_whatever_the_client_sent()
    {
        var lines = ImmutableArray.Create<object?>(Line("taxi", 88.5m), Line("meals", 120m));
        var (_, outcome) = await Create("expense-approval", Expense(lines).Add("Amount", 1m));

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(208.5m, outcome.Value!.State.Form["Amount"]);
        Assert.Equal(208.5m, outcome.Value.State.Vars["total"]);
    }

    [Fact]
    public async Task Cross_field_and_row_rules_are_reported_with_their_paths()
    {
        var lines = ImmutableArray.Create<object?>(Line("taxi", 10m), ImmutableDictionary<string, object?>.Empty.Add("Item", "").Add("Amount", -5m));
        var (id, outcome) = await Create("expense-approval", Expense(lines).SetItem("EndDate", "2026-02-01"));

        Assert.Equal(CommandError.InvalidForm, outcome.Error);
        Assert.Equal(["EndDate", "Lines[1].Amount", "Lines[1].Item"], outcome.Problems!.Select(p => p.Path!).Order(StringComparer.Ordinal));
        Assert.Null(await cluster.Grains.GetGrain<ITicketGrain>(id).Get());
    }

    [Fact]
    public async Task Referenced_attachments_are_linked_to_the_ticket_with_their_stored_metadata_and_a_timeline_entry()
    {
        var photo = await cluster.UploadedAsync(Requester.Id, "panel.jpg", "image/jpeg", size: 2048);
        var claimed = photo.Add("name", "other.png").Add("size", 1m).Add("contentType", "image/png");

        var (id, outcome) = await Create("equipment-repair", Repair.Add("Photos", Files(claimed)));

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = (ImmutableDictionary<string, object?>)((ImmutableArray<object?>)outcome.Value!.State.Form["Photos"]!).Single()!;
        Assert.Equal(("panel.jpg", 2048m, "image/jpeg"), ((string)stored["name"]!, (decimal)stored["size"]!, (string)stored["contentType"]!));
        Assert.Equal(id, (await cluster.Attachments.GetAsync((string)photo["id"]!))!.TicketId);
        var entry = Assert.Single(await ReadModel.TimelineAsync(id), e => e.Kind == nameof(TimelineKind.AttachmentsLinked));
        Assert.Equal("1 attachment(s): panel.jpg", entry.Summary);
    }

    [Fact]
    public async Task File_limits_judge_the_stored_type_and_size_not_the_clients_claim()
    {
        var pdf = await cluster.UploadedAsync(Requester.Id, "manual.pdf", "application/pdf");
        var huge = await cluster.UploadedAsync(Requester.Id, "huge.jpg", "image/jpeg", size: 50L * 1024 * 1024);

        var (_, outcome) = await Create("equipment-repair", Repair.Add("Photos", Files(pdf.Add("contentType", "image/png"), huge.Add("size", 10m))));

        Assert.Equal(CommandError.InvalidForm, outcome.Error);
        Assert.Equal(["Photos[0]:file-type", "Photos[1]:file-size"], outcome.Problems!.Select(p => $"{p.Path}:{p.Code}").Order(StringComparer.Ordinal));
        Assert.Null((await cluster.Attachments.GetAsync((string)pdf["id"]!))!.TicketId);
    }

    [Fact]
    public async Task Unknown_foreign_and_already_linked_attachments_are_refused_and_nothing_is_linked()
    {
        var mine = await cluster.UploadedAsync(Requester.Id, "mine.jpg", "image/jpeg");
        var theirs = await cluster.UploadedAsync("u-someone-else", "theirs.jpg", "image/jpeg");
        var used = await cluster.UploadedAsync(Requester.Id, "used.jpg", "image/jpeg");
        var (first, _) = await Create("equipment-repair", Repair.Add("Photos", Files(used)));
        var unknown = ImmutableDictionary<string, object?>.Empty.Add("id", "att-nosuchattachment23456789");

        var (id, outcome) = await Create("equipment-repair", Repair.Add("Photos", Files(mine, theirs, used, unknown)));

        Assert.Equal(CommandError.InvalidForm, outcome.Error);
        Assert.Equal(["Photos[1]", "Photos[2]", "Photos[3]"], outcome.Problems!.Select(p => p.Path!).Order(StringComparer.Ordinal));
        Assert.All(outcome.Problems!, p => Assert.Equal("attachment", p.Code));
        Assert.Null((await cluster.Attachments.GetAsync((string)mine["id"]!))!.TicketId);
        Assert.Equal(first, (await cluster.Attachments.GetAsync((string)used["id"]!))!.TicketId);
        Assert.Null(await cluster.Grains.GetGrain<ITicketGrain>(id).Get());
    }

    [Fact]
    public async Task Task_data_is_checked_against_the_steps_task_form_and_kept_clean()
    {
        var (id, _) = await Create("equipment-repair", Repair);
        var grain = cluster.Grains.GetGrain<ITicketGrain>(id);
        var task = (await grain.Get())!.State.OpenTasks.Single();
        var photo = await cluster.UploadedAsync("tech-wu", "after.jpg", "image/jpeg");

        var refused = await grain.Apply(new CompleteTask(task.Id, "repaired") { Actor = "tech-wu", Data = ImmutableDictionary<string, object?>.Empty.Add("PartsCost", -5m).Add("Invoice", "A-17") });
        var done = await grain.Apply(new CompleteTask(task.Id, "repaired")
        {
            Actor = "tech-wu", Data = ImmutableDictionary<string, object?>.Empty.Add("RepairNotes", "Replaced contactor").Add("PartsCost", 120m).Add("RepairPhotos", Files(photo)),
        });

        Assert.Equal(CommandError.InvalidForm, refused.Error);
        Assert.Equal(["Invoice:unknown-field", "PartsCost:min"], refused.Problems!.Select(p => $"{p.Path}:{p.Code}").Order(StringComparer.Ordinal));
        Assert.True(done.Succeeded, done.Message);
        Assert.Equal(120m, done.Value!.State.Form["PartsCost"]);
        Assert.Equal(id, (await cluster.Attachments.GetAsync((string)photo["id"]!))!.TicketId);
        var entry = Assert.Single(await ReadModel.TimelineAsync(id), e => e.Kind == nameof(TimelineKind.AttachmentsLinked));
        Assert.Equal(task.Id, entry.TaskId);
    }

    [Fact]
    public async Task A_step_without_a_task_form_takes_no_data()
    {
        var (id, _) = await Create("expense-approval", Expense([Line("taxi", 80m)]));
        var grain = cluster.Grains.GetGrain<ITicketGrain>(id);
        var approve = (await grain.Get())!.State.OpenTasks.Single();

        var refused = await grain.Apply(new CompleteTask(approve.Id, "approve") { Actor = "u-li", Data = ImmutableDictionary<string, object?>.Empty.Add("Amount", 1m) });
        var approved = await grain.Apply(new CompleteTask(approve.Id, "approve") { Actor = "u-li" });

        Assert.Equal("Amount:unknown-field", refused.Problems!.Select(p => $"{p.Path}:{p.Code}").Single());
        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal(80m, approved.Value!.State.Form["Amount"]);
    }

    private static ImmutableDictionary<string, object?> Line(string kind, decimal amount) =>
        ImmutableDictionary<string, object?>.Empty.Add("Item", kind).Add("Category", kind).Add("Amount", amount);

    private static ImmutableDictionary<string, object?> Expense(ImmutableArray<object?> lines) => ImmutableDictionary<string, object?>.Empty
        .Add("Department", "Sales").Add("Purpose", "Customer visit").Add("StartDate", "2026-02-23").Add("EndDate", "2026-02-25").Add("Lines", lines);
}
