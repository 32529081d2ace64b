using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.Hosting;
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
public sealed class DemoData(IGrainFactory grains, TicketReadModel readModel, DemoFiles files, TicketClock clock, IOptions<LowCodeOptions> options, ILogger<DemoData> log) : IHostedService
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

        var stoppedSince = clock.Now.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var press = Form(("Asset", "冲压机 Press #4"), ("Site", "SH"), ("Category", "electrical"), ("Description", "电机运行 10 分钟后跳闸 Motor trips after 10 minutes"),
            ("Urgent", true), ("StoppedSince", stoppedSince), ("Priority", "P2"), ("Photos", Files(await files.PhotoAsync("press-4-panel.png", ZhangSan.Id))));
        var chiller = Form(("Asset", "冷水机 Chiller 2"), ("Site", "SH"), ("Category", "hvac"), ("Description", "出水温度偏高 Outlet water too warm"), ("Urgent", false));
        var printer = Form(("Asset", "Printer 3F"), ("Site", "BJ"), ("Category", "it"), ("Description", "每次打印都卡纸 Paper jam every print"), ("Urgent", false), ("Priority", "P4"));
        await Open("equipment-repair", ZhangSan, press, "Press #4 motor trips", "P2");
        var repaired = await Open("equipment-repair", ZhangSan, chiller, "Chiller 2 outlet too warm", "P3");
        await Act(repaired, "repair", "repaired", "tech-li", Form(("RepairNotes", "清洗冷凝器 Cleaned condenser"), ("PartsCost", 0m)));
        var done = await Open("equipment-repair", WangFang, printer, "3F printer jams", "P4");
        await Act(done, "repair", "repaired", "tech-zhao");
        await Act(done, "qualityCheck", "pass", "qa-sun", Form(("Checks", ImmutableArray.Create<object?>("function", "cleanup"))));

        var small = await Open("expense-approval", WangFang, Expense("Sales", "杭州客户拜访 Customer visit Hangzhou", null, ("taxi", 180m), ("meals", 240m)), "Hangzhou customer visit", "P3");
        await Act(small, "approve", "approve", "u-chen");
        var large = await Open("expense-approval", ZhangSan, Expense("Production", "4号冲压机备用电机 Spare motor for Press #4",
            await files.ReceiptAsync("电机发票 motor-invoice.pdf", 23800m, ZhangSan.Id), ("other", 23800m)), "Spare motor", "P2");
        await Act(large, "approve", "approve", "u-li");
        var rejected = await Open("expense-approval", WangFang, Expense("Sales", "团队聚餐 Team dinner",
            await files.ReceiptAsync("餐费发票 dinner-receipt.pdf", 6800m, WangFang.Id), ("meals", 6800m)), "Team dinner", "P4");
        await Act(rejected, "approve", "reject", "u-chen", comment: "本季度预算已用完 Not in this quarter's budget");
        var sentBack = await Open("expense-approval", ZhangSan, Expense("Production", "上海培训 Training Shanghai",
            await files.ReceiptAsync("住宿发票 hotel-invoice.pdf", 1200m, ZhangSan.Id), ("hotel", 1200m), ("travel", 560m)), "Training trip", "P3");
        await Act(sentBack, "approve", "sendBack", "u-li", comment: "住宿发票缺少公司税号 The hotel invoice lacks our tax number");
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

    private static ImmutableArray<object?> Files(params ImmutableDictionary<string, object?>[] references) => [.. references];

    /// <summary>A claim over the past week; <c>Amount</c> (the total) is left to the form to compute.</summary>
    private ImmutableDictionary<string, object?> Expense(string department, string purpose, ImmutableDictionary<string, object?>? receipt,
        params (string Category, decimal Amount)[] lines)
    {
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var form = Form(("Department", department), ("Purpose", purpose),
            ("StartDate", today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("EndDate", today.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Lines", lines.Select(l => (object?)Form(("Item", l.Category), ("Category", l.Category), ("Amount", l.Amount))).ToImmutableArray()));
        return receipt is null ? form : form.Add("Receipts", Files(receipt));
    }
}

public static class DemoDataHosting
{
    /// <summary>Registered after Orleans so it runs once the silo is up.</summary>
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoFiles>();
        builder.Services.AddHostedService<DemoOrganisation>();
        builder.Services.AddHostedService<DemoData>();
        return builder;
    }
}
