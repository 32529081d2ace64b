using System.Reflection;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Json;
using LowCode.Runtime.Validation;

namespace LowCode.Runtime.Samples;

/// <summary>
/// The two reference ticket types shipped with LowCode (the engine's golden tests, the demo data
/// and the designer's templates): equipment repair (设备报修) and expense approval (费用审批).
/// </summary>
public static class SampleTicketTypes
{
    public const string CalendarKey = "cn-workdays";

    /// <summary>Calendars the samples refer to.</summary>
    public static IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; } =
        new Dictionary<string, BusinessCalendar> { [CalendarKey] = BusinessCalendar.ChinaMainland2026() with { Key = CalendarKey } };

    public static WorkflowDefinition EquipmentRepair() => Load("equipment-repair");
    public static WorkflowDefinition ExpenseApproval() => Load("expense-approval");

    /// <summary>The fields of the equipment repair forms as expressions see them (the forms themselves are in Grains' ReferenceForms).</summary>
    public static IReadOnlyList<FieldSchema> EquipmentRepairFields { get; } =
    [
        new("Asset", DataType.Choice), new("Site", DataType.Choice), new("Category", DataType.Choice),
        new("Description", DataType.Text), new("Urgent", DataType.Boolean), new("StoppedSince", DataType.DateTime),
        new("Priority", DataType.Choice), new("Photos", DataType.File),
        // Task forms: repair report and quality check.
        new("RepairNotes", DataType.Text), new("PartsCost", DataType.Money), new("RepairPhotos", DataType.File),
        new("Checks", DataType.MultiChoice), new("QualityNotes", DataType.Text),
    ];

    /// <summary>The fields of the expense claim form; <c>Amount</c> is the total computed from the lines.</summary>
    public static IReadOnlyList<FieldSchema> ExpenseApprovalFields { get; } =
    [
        new("Department", DataType.Choice), new("Purpose", DataType.Text), new("StartDate", DataType.Date), new("EndDate", DataType.Date),
        new("Lines", DataType.Table) { Columns = [new("Item", DataType.Text), new("Category", DataType.Choice), new("Amount", DataType.Money)] },
        new("Amount", DataType.Money), new("Receipts", DataType.File),
    ];

    public static PlanContext EquipmentRepairContext(int version = 1) => new()
    {
        TicketType = "equipment-repair",
        Version = version,
        FormFields = EquipmentRepairFields,
        TaskForms = new HashSet<string> { "repair-report", "quality-check" },
        DispatchRules = new HashSet<string> { "technician-by-skill-region" },
        Calendars = Calendars,
    };

    public static PlanContext ExpenseApprovalContext(int version = 1) => new()
    {
        TicketType = "expense-approval",
        Version = version,
        FormFields = ExpenseApprovalFields,
        TaskForms = new HashSet<string>(),
        DispatchRules = new HashSet<string>(),
        Calendars = Calendars,
    };

    public static string Json(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"LowCode.Samples.{name}.workflow.json")
            ?? throw new InvalidOperationException($"Sample '{name}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static WorkflowDefinition Load(string name) => LowCodeJson.Deserialize(Json(name));
}
