using LowCode.Grains.Contracts;
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
        Form = ReferenceForms.EquipmentRepair(),
        TaskForms = new()
        {
            ["repair-report"] = ReferenceForms.RepairReport(),
            ["quality-check"] = ReferenceForms.QualityCheck(),
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
        Form = ReferenceForms.ExpenseClaim(),
        Workflow = SampleTicketTypes.ExpenseApproval(),
    };
}
