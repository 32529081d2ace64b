using LowCode.Designer.TicketTypes.Versions;
using LowCode.Forms.Schema;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.Tests.Versions;

public sealed class DefinitionDiffTests
{
    private static readonly TicketTypeDefinition Expense = ReferenceTicketTypes.ExpenseApproval();

    private static TicketTypeDefinition WithWorkflow(Func<WorkflowDefinition, WorkflowDefinition> change) => Expense with { Workflow = change(Expense.Workflow) };
    private static TicketTypeDefinition WithForm(Func<FormSchema, FormSchema> change) => Expense with { Form = change(Expense.Form) };

    private static FormSchema MapField(FormSchema form, string key, Func<FormField, FormField> change) => form with
    {
        Sections = [.. form.Sections.Select(s => s with { Fields = [.. s.Fields.Select(f => f.Key == key ? change(f) : f)] })],
    };

    [Fact]
    public void The_same_definition_has_no_changes_even_when_the_designer_moved_nodes()
    {
        var moved = WithWorkflow(w => w with { Layout = w.Layout with { Nodes = new() { ["approve"] = new Position(400, 90) }, Zoom = 1.5 } });

        Assert.Empty(DefinitionDiff.Compare(Expense, moved));
    }

    [Fact]
    public void Name_category_and_description_changes_are_listed()
    {
        var changes = DefinitionDiff.Compare(Expense, Expense with { Name = "Travel claims", Category = "Travel", Description = null });

        Assert.Contains(changes, c => c is { Area: ChangeArea.TicketType, Kind: ChangeKind.Renamed, After: "Travel claims" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.TicketType, Property: "category", After: "Travel" } && c.Before == Expense.Category);
        Assert.Contains(changes, c => c is { Area: ChangeArea.TicketType, Property: "description", After: null });
    }

    [Fact]
    public void Nodes_added_removed_renamed_and_changed_name_the_node_and_the_setting()
    {
        var changes = DefinitionDiff.Compare(Expense, WithWorkflow(w => w with
        {
            Nodes =
            [
                .. w.Nodes.Where(n => n.Id != "notifyRejected").Select(n => n switch
                {
                    ApprovalNode a => a with { Name = "经理审批 Manager approval", AllowSendBack = false },
                    EndNode { Id: "paid" } e => e with { Resolution = Resolutions.Cancelled },
                    _ => n,
                }),
                new TimerNode { Id = "cooldown", Name = "Wait a day" },
            ],
        }));

        Assert.Contains(changes, c => c is { Area: ChangeArea.Node, Kind: ChangeKind.Removed } && c.Subject.StartsWith("notifyRejected", StringComparison.Ordinal));
        Assert.Contains(changes, c => c is { Area: ChangeArea.Node, Kind: ChangeKind.Added, Subject: "cooldown (Wait a day) [timer]" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Node, Kind: ChangeKind.Renamed, Subject: "approve", Before: "审批 Approval", After: "经理审批 Manager approval" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Node, Kind: ChangeKind.Changed, Subject: "approve", Property: "allowSendBack", Before: "true", After: "false" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Node, Subject: "paid", Property: "resolution", Before: "resolved", After: "cancelled" });
        Assert.DoesNotContain(changes, c => c.Area == ChangeArea.Node && c.Subject == "pay");
    }

    [Fact]
    public void Connections_added_and_removed_are_named_by_their_ports()
    {
        var first = Expense.Workflow.Connections[0];
        var changes = DefinitionDiff.Compare(Expense, WithWorkflow(w => w with
        {
            Connections = [.. w.Connections.Skip(1), new Connection(new Endpoint("pay", Ports.Out), new Endpoint("rejected"))],
        }));

        Assert.Contains(changes, c => c is { Area: ChangeArea.Connection, Kind: ChangeKind.Removed } && c.Subject == $"{first.Source.Node}.{first.Source.Port} → {first.Target.Node}");
        Assert.Contains(changes, c => c is { Area: ChangeArea.Connection, Kind: ChangeKind.Added, Subject: "pay.out → rejected" });
    }

    [Fact]
    public void Form_fields_added_removed_and_changed_name_the_label_type_required_and_rules()
    {
        var form = MapField(Expense.Form, "Purpose", f => f with { Label = "用途 Reason", Required = false, VisibleWhen = "form.Amount > 0" });
        form = MapField(form, "EndDate", f => f with { Type = FieldType.DateTime });
        form = form with
        {
            Sections = [form.Sections[0] with { Fields = [.. form.Sections[0].Fields.Where(f => f.Key != "StartDate"), new FormField { Key = "Project", Label = "项目 Project" }] }, .. form.Sections.Skip(1)],
        };

        var changes = DefinitionDiff.Compare(Expense, Expense with { Form = form });

        Assert.Contains(changes, c => c is { Area: ChangeArea.Field, Kind: ChangeKind.Renamed, Subject: "Purpose", Property: "label", After: "用途 Reason" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Field, Subject: "Purpose", Property: "required", Before: "true", After: null or "false" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Field, Subject: "Purpose", Property: "visibleWhen", Before: null, After: "form.Amount > 0" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Field, Subject: "EndDate", Property: "type", Before: "date", After: "dateTime" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Field, Kind: ChangeKind.Removed } && c.Subject.StartsWith("StartDate", StringComparison.Ordinal));
        Assert.Contains(changes, c => c is { Area: ChangeArea.Field, Kind: ChangeKind.Added, Subject: "Project (项目 Project)" });
    }

    [Fact]
    public void Form_rules_sections_and_task_forms_are_compared_and_task_form_fields_carry_the_form_key()
    {
        var review = new FormSchema { Sections = [new FormSection { Key = "main", Title = "Review", Fields = [new FormField { Key = "Comment", Label = "Comment" }] }] };
        var before = Expense with { TaskForms = new() { ["review"] = review, ["old"] = new FormSchema() } };
        var after = Expense with
        {
            Form = Expense.Form with
            {
                Rules = [new CrossFieldRule { Expression = "form.Amount < 100000", Message = "Too much", Fields = ["Amount"] }],
                Sections = [Expense.Form.Sections[0] with { Title = "Claim details", Columns = 3 }, .. Expense.Form.Sections.Skip(1)],
            },
            TaskForms = new()
            {
                ["review"] = MapField(review, "Comment", f => f with { Required = true }),
                ["payout"] = new FormSchema(),
            },
        };

        var changes = DefinitionDiff.Compare(before, after);

        Assert.Contains(changes, c => c is { Area: ChangeArea.FormRule, Kind: ChangeKind.Added, Subject: "form.Amount < 100000" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Section, Kind: ChangeKind.Renamed, Subject: "claim", After: "Claim details" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Section, Subject: "claim", Property: "columns", Before: "2", After: "3" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.TaskForm, Kind: ChangeKind.Added, Subject: "payout" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.TaskForm, Kind: ChangeKind.Removed, Subject: "old" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Field, Subject: "review.Comment", Property: "required", After: "true" });
    }

    [Fact]
    public void Dispatch_rules_and_sla_policies_are_compared_by_key_and_priority()
    {
        var repair = ReferenceTicketTypes.EquipmentRepair();
        var rule = repair.DispatchRules[0];
        var hours = new Duration(TimeSpan.FromHours(4), BusinessTime: true);
        var before = repair with { Workflow = repair.Workflow with { Sla = new SlaDefinition { Policies = [new SlaPolicy("P1") { Resolution = hours }, new SlaPolicy("P3")] } } };
        var after = repair with
        {
            DispatchRules = [rule with { Name = "Nearest technician", Strategy = "roundRobin" }, new DispatchRuleDefinition("finance", "Finance desk")],
            Workflow = repair.Workflow with
            {
                Sla = new SlaDefinition
                {
                    Calendar = "24x7",
                    Policies = [new SlaPolicy("P1") { Resolution = hours with { Length = TimeSpan.FromHours(8) }, Thresholds = [new SlaThreshold(75)] }, new SlaPolicy("P2")],
                },
            },
        };

        var changes = DefinitionDiff.Compare(before, after);

        Assert.Contains(changes, c => c is { Area: ChangeArea.DispatchRule, Kind: ChangeKind.Renamed, After: "Nearest technician" } && c.Subject == rule.Key);
        Assert.Contains(changes, c => c is { Area: ChangeArea.DispatchRule, Property: "strategy", After: "roundRobin" } && c.Subject == rule.Key);
        Assert.Contains(changes, c => c is { Area: ChangeArea.DispatchRule, Kind: ChangeKind.Added, Subject: "finance" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Sla, Property: "calendar", After: "24x7" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Sla, Kind: ChangeKind.Changed, Subject: "P1", Property: "resolution" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Sla, Kind: ChangeKind.Changed, Subject: "P1", Property: "thresholds" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Sla, Kind: ChangeKind.Added, Subject: "P2" });
        Assert.Contains(changes, c => c is { Area: ChangeArea.Sla, Kind: ChangeKind.Removed, Subject: "P3" });
    }

    [Fact]
    public void A_change_reads_as_a_sentence()
    {
        var change = new DefinitionChange(ChangeArea.Field, ChangeKind.Changed, "Amount") { Property = "max", Before = null, After = "5000" };

        Assert.Equal("Field changed: Amount max: (none) → 5000", change.ToString());
    }
}
