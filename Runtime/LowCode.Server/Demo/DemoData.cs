using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Tickets;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using LowCode.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LowCode.Server.Demo;

/// <summary>
/// On the first start against an empty database, publishes the reference ticket types and opens a
/// few tickets in different states so a newcomer sees a living system. Off with LowCode:SeedDemoData=false.
/// </summary>
public sealed class DemoData(IGrainFactory grains, TicketReadModel readModel, IOptions<LowCodeOptions> options, ILogger<DemoData> log) : IHostedService
{
    public static readonly PersonInfo ZhangSan = new("u-zhang", "张三 Zhang San") { Department = "Production", Manager = "u-li", Region = "SH", Email = "zhang.san@example.com" };
    public static readonly PersonInfo WangFang = new("u-wang", "王芳 Wang Fang") { Department = "Sales", Manager = "u-chen", Region = "BJ", Email = "wang.fang@example.com" };

    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.SeedDemoData || (await readModel.ListTicketTypesAsync(ct)).Count > 0) return;
        log.LogInformation("Empty database: seeding demo ticket types and tickets");
        foreach (var type in new[] { ReferenceTicketTypes.EquipmentRepair(), ReferenceTicketTypes.ExpenseApproval() })
        {
            var grain = grains.GetGrain<ITicketTypeGrain>(type.Key);
            await grain.SaveDraft(type, "demo");
            var published = await grain.Publish("demo");
            if (!published.Succeeded) throw new InvalidOperationException($"Demo type {type.Key} does not publish: {published.Message}");
        }

        var press = Form(("Asset", "冲压机 Press #4"), ("Site", "SH"), ("Category", "electrical"), ("Description", "Motor trips after 10 minutes"), ("Urgent", true));
        var chiller = Form(("Asset", "冷水机 Chiller 2"), ("Site", "SH"), ("Category", "hvac"), ("Description", "Outlet water too warm"), ("Urgent", false));
        var printer = Form(("Asset", "Printer 3F"), ("Site", "BJ"), ("Category", "it"), ("Description", "Paper jam every print"), ("Urgent", false));
        await Open("equipment-repair", ZhangSan, press, "Press #4 motor trips", "P2");
        var repaired = await Open("equipment-repair", ZhangSan, chiller, "Chiller 2 outlet too warm", "P3");
        await Act(repaired, "repair", "repaired", "tech-li", Form(("RepairNotes", "Cleaned condenser"), ("PartsCost", 0m)));
        var done = await Open("equipment-repair", WangFang, printer, "3F printer jams", "P4");
        await Act(done, "repair", "repaired", "tech-zhao");
        await Act(done, "qualityCheck", "pass", "qa-sun");

        var small = await Open("expense-approval", WangFang, Expense("Sales", "Customer visit Hangzhou", ("taxi", 180m), ("meals", 240m)), "Hangzhou customer visit", "P3");
        await Act(small, "approve", "approve", "u-chen");
        var large = await Open("expense-approval", ZhangSan, Expense("Production", "Spare motor for Press #4", ("other", 23800m)), "Spare motor", "P2");
        await Act(large, "approve", "approve", "u-li");
        var rejected = await Open("expense-approval", WangFang, Expense("Sales", "Team dinner", ("meals", 6800m)), "Team dinner", "P4");
        await Act(rejected, "approve", "reject", "u-chen", comment: "Not in this quarter's budget");
        var sentBack = await Open("expense-approval", ZhangSan, Expense("Production", "Training Shanghai", ("hotel", 1200m), ("travel", 560m)), "Training trip", "P3");
        await Act(sentBack, "approve", "sendBack", "u-li", comment: "Please attach the hotel invoice");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task<string> Open(string type, PersonInfo requester, ImmutableDictionary<string, object?> form, string title, string priority)
    {
        var id = TicketIds.FromKey("demo", title);
        var outcome = await grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket(type, requester, requester.Id) { Form = form, Title = title, Priority = priority });
        if (!outcome.Succeeded) throw new InvalidOperationException($"Demo ticket '{title}' was refused: {outcome.Message}");
        return id;
    }

    private async Task Act(string id, string node, string action, string actor, ImmutableDictionary<string, object?>? data = null, string? comment = null)
    {
        var grain = grains.GetGrain<ITicketGrain>(id);
        var task = (await grain.Get())!.State.OpenTasks.First(t => t.NodeId == node);
        var outcome = await grain.Apply(new CompleteTask(task.Id, action) { Actor = actor, Data = data ?? ImmutableDictionary<string, object?>.Empty, Comment = comment });
        if (!outcome.Succeeded) throw new InvalidOperationException($"Demo step {node}/{action} on {id} was refused: {outcome.Message}");
    }

    private static ImmutableDictionary<string, object?> Form(params (string Key, object? Value)[] values) =>
        values.ToImmutableDictionary(v => v.Key, v => v.Value);

    private static ImmutableDictionary<string, object?> Expense(string department, string purpose, params (string Category, decimal Amount)[] lines) =>
        Form(("Department", department), ("Purpose", purpose),
            ("Lines", lines.Select(l => (object?)Form(("Item", l.Category), ("Category", l.Category), ("Amount", l.Amount))).ToImmutableArray()));
}

public static class DemoDataHosting
{
    /// <summary>Registered after Orleans so it runs once the silo is up.</summary>
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoOrganisation>();
        builder.Services.AddHostedService<DemoData>();
        return builder;
    }
}
