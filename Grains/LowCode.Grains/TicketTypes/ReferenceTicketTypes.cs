using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Samples;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// The two reference ticket types as complete packages (forms, task forms, dispatch rules, flow):
/// the demo data, the designer's templates and the grain tests all start from these.
/// </summary>
public static class ReferenceTicketTypes
{
    public static TicketTypeDefinition EquipmentRepair() => new()
    {
        Key = "equipment-repair",
        Name = "设备报修 Equipment repair",
        Category = "Facilities 设施",
        Description = "Report a broken machine or facility; a technician with the right skill in your region repairs it.",
        Form = new FormDefinition
        {
            Fields =
            [
                new FormField("Asset", "设备 Asset", DataType.Text) { Required = true, Help = "Asset tag or name, e.g. Press #4" },
                new FormField("Site", "厂区 Site", DataType.Choice) { Required = true, Options = ["SH", "BJ", "SZ"] },
                new FormField("Category", "故障类型 Fault type", DataType.Choice) { Required = true, Options = ["electrical", "mechanical", "hvac", "it"] },
                new FormField("Description", "故障描述 Description", DataType.Text) { Required = true },
                new FormField("Urgent", "停产 Production stopped", DataType.Boolean),
                new FormField("Photos", "照片 Photos", DataType.File),
            ],
        },
        TaskForms = new()
        {
            ["repair-report"] = new FormDefinition { Fields = [new FormField("RepairNotes", "维修记录 Repair notes", DataType.Text), new FormField("PartsCost", "备件费用 Parts cost", DataType.Money)] },
            ["quality-check"] = new FormDefinition { Fields = [new FormField("QualityNotes", "质检记录 Quality notes", DataType.Text)] },
        },
        DispatchRules =
        [
            new DispatchRuleDefinition("technician-by-skill-region", "Technician by skill and region")
            {
                Filter = "agent.Skills.Contains(form.Category) && agent.Region == form.Site && agent.OnDuty",
                Strategy = "leastLoaded",
                FallbackTeam = "maintenance",
            },
        ],
        Workflow = SampleTicketTypes.EquipmentRepair(),
    };

    public static TicketTypeDefinition ExpenseApproval() => new()
    {
        Key = "expense-approval",
        Name = "费用审批 Expense approval",
        Category = "Finance 财务",
        Description = "Claim expenses; the line manager, department head (above 5,000) and finance director (above 20,000) approve.",
        Form = new FormDefinition
        {
            Fields =
            [
                new FormField("Department", "部门 Department", DataType.Choice) { Required = true, Options = ["Sales", "Production", "R&D", "Finance", "HR"] },
                new FormField("Purpose", "事由 Purpose", DataType.Text) { Required = true },
                new FormField("TravelDate", "日期 Date", DataType.Date),
                new FormField("Amount", "金额 Amount (without lines)", DataType.Money),
                new FormField("Lines", "费用明细 Expense lines", DataType.Table)
                {
                    Columns =
                    [
                        new FormField("Item", "项目 Item", DataType.Text) { Required = true },
                        new FormField("Category", "类别 Category", DataType.Choice) { Options = ["travel", "hotel", "meals", "taxi", "other"] },
                        new FormField("Amount", "金额 Amount", DataType.Money) { Required = true },
                    ],
                },
            ],
        },
        Workflow = SampleTicketTypes.ExpenseApproval(),
    };
}
