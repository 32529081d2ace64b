using System.Globalization;
using LowCode.Designer.TicketTypes.Canvas;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.Tests.Properties;

public sealed class NodePropertiesTests : DesignerTest
{
    private async Task<(DesignerSession Session, IRenderedComponent<NodeProperties> Panel)> SelectAsync(TicketTypeDefinition definition, DesignerSelection selection)
    {
        var session = await OpenAsync(definition);
        session.Select(selection);
        return (session, Render<NodeProperties>(p => p.Add(n => n.Session, session).Add(n => n.CheckDelay, TimeSpan.Zero)));
    }

    private static T Node<T>(DesignerSession session, string id) where T : Node => (T)session.Definition.Workflow.FindNode(id)!;

    private static TicketTypeDefinition WithHttpCall()
    {
        var repair = ReferenceTicketTypes.EquipmentRepair();
        var http = new HttpCallNode { Id = "erp", Name = "Tell ERP", Method = "POST", Url = "https://erp.example.com/repairs", Body = "{\"asset\": \"{{ form.Asset }}\"}" };
        return repair with { Workflow = repair.Workflow with { Nodes = [.. repair.Workflow.Nodes, http] } };
    }

    [Theory]
    [InlineData("equipment-repair", "repair", "userTask", new[] { "id", "name", "assignment", "assignment.rule", "taskForm", "actions", "due", "pausesSla", "escalations" })]
    [InlineData("expense-approval", "approve", "approval", new[] { "levels", "levels[1].when", "levels[0].mode", "levels[0].approvers", "allowSendBack", "taskForm", "due", "escalations" })]
    [InlineData("equipment-repair", "tooManyReworks", "condition", new[] { "branches", "branches[0].port", "branches[0].when", "branches[0].label", "default" })]
    [InlineData("equipment-repair", "waitForParts", "timer", new[] { "timerMode", "wait", "pausesSla" })]
    [InlineData("equipment-repair", "acknowledge", "notify", new[] { "channel", "recipients", "subject", "body" })]
    [InlineData("equipment-repair", "countRework", "setVariables", new[] { "assignments", "assignments[0].variable", "assignments[0].expression" })]
    [InlineData("equipment-repair", "closed", "end", new[] { "resolution" })]
    [InlineData("http", "erp", "httpCall", new[] { "method", "url", "headers", "body", "timeout", "retry", "retry.maxAttempts", "response" })]
    public async Task Shows_every_setting_of_the_selected_node_kind(string type, string nodeId, string kind, string[] properties)
    {
        var definition = type switch
        {
            "expense-approval" => ReferenceTicketTypes.ExpenseApproval(),
            "http" => WithHttpCall(),
            _ => ReferenceTicketTypes.EquipmentRepair(),
        };
        var (_, panel) = await SelectAsync(definition, new NodeSelection([nodeId]));

        Assert.Equal(kind, panel.Find("[data-node-properties]").GetAttribute("data-kind"));
        foreach (var property in properties)
            Assert.NotNull(panel.Find($"[data-property='{property}']"));
        Assert.True(panel.Find("[data-property='id'] input").HasAttribute("readonly"));
    }

    [Fact]
    public async Task Expressions_are_edited_in_expression_editors()
    {
        var (_, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["tooManyReworks"]));

        var editor = panel.Find("[data-property='branches[0].when'] [data-expression-editor]");
        Assert.Equal("vars.reworkCount >= 3", editor.QuerySelector("textarea")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Renaming_a_step_changes_the_working_copy_as_one_undoable_step()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["repair"]));

        panel.Find("[data-property='name'] input").Change("Fix the machine");

        Assert.Equal("Fix the machine", Node<UserTaskNode>(session, "repair").Name);
        Assert.Equal("Fix the machine", panel.Find("[data-property='name'] input").GetAttribute("value"));
        session.Undo();
        Assert.Equal("维修 Repair", Node<UserTaskNode>(session, "repair").Name);
        Assert.Equal("维修 Repair", panel.Find("[data-property='name'] input").GetAttribute("value"));
    }

    [Fact]
    public async Task Editing_a_branch_condition_changes_the_node_and_undo_brings_it_back()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["tooManyReworks"]));

        panel.Find("[data-property='branches[0].when'] textarea").Change("vars.reworkCount >= 5");

        Assert.Equal("vars.reworkCount >= 5", Node<ConditionNode>(session, "tooManyReworks").Branches[0].When);
        session.Undo();
        Assert.Equal("vars.reworkCount >= 3", Node<ConditionNode>(session, "tooManyReworks").Branches[0].When);
    }

    [Fact]
    public async Task Adding_an_action_adds_an_outcome_port_and_renaming_it_moves_its_connection()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["repair"]));

        panel.Find("[data-action='add-action']").Click();
        var repair = Node<UserTaskNode>(session, "repair");
        Assert.Equal(["repaired", "needsParts", "action3"], repair.Actions.Select(a => a.Key));
        Assert.Contains("action3", repair.OutcomePorts());

        panel.Find("[data-action-key='repaired'] [data-action-field='key']").Change("fixed");
        Assert.Equal(["fixed", "needsParts", "action3"], Node<UserTaskNode>(session, "repair").Actions.Select(a => a.Key));
        Assert.Contains(session.Definition.Workflow.Connections, c => c is { Source: { Node: "repair", Port: "fixed" }, Target.Node: "qualityCheck" });
        Assert.DoesNotContain(session.Definition.Workflow.Connections, c => c.Source is { Node: "repair", Port: "repaired" });

        session.Undo();
        session.Undo();
        Assert.Equal(["repaired", "needsParts"], Node<UserTaskNode>(session, "repair").Actions.Select(a => a.Key));
    }

    [Fact]
    public async Task Setting_the_dispatch_rule_filter_and_strategy_changes_the_rule_of_the_ticket_type()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["repair"]));
        var original = session.Definition.DispatchRules[0];

        panel.Find("[data-property='dispatchRules[0].filter'] textarea").Change("agent.OnDuty && agent.FreeCapacity > 0");
        panel.Find("[data-property='dispatchRules[0].strategy'] select").Change("bestSkillScore");

        var rule = session.Definition.DispatchRules[0];
        Assert.Equal(("agent.OnDuty && agent.FreeCapacity > 0", "bestSkillScore"), (rule.Filter, rule.Strategy));
        // bestSkillScore ranks by a skill: the check says so under the skill field, which the strategy brought up.
        Assert.Contains("skill", panel.Find("[data-property='dispatchRules[0].skill'] [data-field-problems]").TextContent);

        session.Undo();
        session.Undo();
        Assert.Equal(original, session.Definition.DispatchRules[0]);
    }

    [Fact]
    public async Task A_new_dispatch_rule_is_created_inline_and_assigned_to_the_step()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.ExpenseApproval(), new NodeSelection(["pay"]));

        panel.Find("[data-assignment-mode='rule']").Change(true);
        panel.Find("[data-action='new-dispatch-rule']").Click();
        panel.Find("[data-property='dispatchRules[0].strategy'] select").Change("roundRobin");
        panel.Find("[data-property='dispatchRules[0].team'] input").Change("finance");

        var rule = Assert.Single(session.Definition.DispatchRules);
        Assert.Equal(rule.Key, Node<UserTaskNode>(session, "pay").Assignment.Rule);
        Assert.Equal(("roundRobin", "finance"), (rule.Strategy, rule.Team));
    }

    [Fact]
    public async Task Problems_of_the_selected_node_appear_under_the_matching_field_after_each_change()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["supervisor"]));
        Assert.Empty(panel.FindAll("[data-property='actions'] [data-field-problems]"));

        panel.Find("[data-action-key='repaired'] [data-action='remove-action']").Click();

        Assert.Empty(Node<UserTaskNode>(session, "supervisor").Actions);
        Assert.DoesNotContain(session.Definition.Workflow.Connections, c => c.Source.Node == "supervisor");
        var problems = panel.Find("[data-property='actions'] [data-field-problems]");
        Assert.Contains(session.Problems, p => p is { NodeId: "supervisor", Path: "actions" } && problems.TextContent.Contains(p.Message));
        Assert.Empty(panel.FindAll("[data-property='name'] [data-field-problems]"));
    }

    [Fact]
    public async Task A_bad_escalation_setting_is_shown_under_its_field()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["repair"]));

        panel.Find("[data-property='escalations[1].atPercentOfDue'] input").Change("5000");

        Assert.Equal(5000, Node<UserTaskNode>(session, "repair").Escalations[1].AtPercentOfDue);
        Assert.NotNull(panel.Find("[data-property='escalations[1].atPercentOfDue'] [data-field-problems]"));
    }

    [Fact]
    public async Task A_selected_connection_shows_its_ends_port_guard_and_label()
    {
        var repair = ReferenceTicketTypes.EquipmentRepair();
        var index = repair.Workflow.Connections.FindIndex(c => c.Source is { Node: "tooManyReworks", Port: "escalate" });
        var (session, panel) = await SelectAsync(repair, new ConnectionSelection(index));

        Assert.Equal("tooManyReworks", panel.Find("[data-property='source'] select option[selected]").GetAttribute("value"));
        Assert.Equal("escalate", panel.Find("[data-property='port'] select option[selected]").GetAttribute("value"));
        Assert.Equal("supervisor", panel.Find("[data-property='target'] select option[selected]").GetAttribute("value"));

        panel.Find("[data-property='condition'] textarea").Change("vars.reworkCount >= 4");
        panel.Find("[data-property='label'] input").Change("4 or more");

        Assert.Equal("vars.reworkCount >= 4", Node<ConditionNode>(session, "tooManyReworks").Branches[0].When);
        Assert.Equal("4 or more", session.Definition.Workflow.Connections[index].Label);
    }

    [Fact]
    public async Task Several_selected_nodes_show_their_count_and_delete_together_as_one_step()
    {
        var (session, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["countRework", "tooManyReworks"]));
        var before = session.Definition.Workflow;

        Assert.Equal("2", panel.Find("[data-multi-selection]").GetAttribute("data-multi-selection"));
        panel.Find("[data-action='delete-selection']").Click();

        var workflow = session.Definition.Workflow;
        Assert.Null(workflow.FindNode("countRework"));
        Assert.Null(workflow.FindNode("tooManyReworks"));
        Assert.DoesNotContain(workflow.Connections, c => c.Source.Node is "countRework" or "tooManyReworks" || c.Target.Node is "countRework" or "tooManyReworks");
        Assert.False(workflow.Layout.Nodes.ContainsKey("countRework"));
        Assert.NotNull(panel.Find("[data-empty='properties']"));

        session.Undo();
        Assert.Equal(before.Nodes.Count, session.Definition.Workflow.Nodes.Count);
        Assert.Equal(before.Connections.Count, session.Definition.Workflow.Connections.Count);
    }

    [Fact]
    public async Task The_panel_speaks_Chinese_for_zh_CN()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var (_, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection(["repair"]));

            Assert.Equal("人工任务", panel.Find("[data-node-properties] h3").TextContent);
            Assert.Equal("名称", panel.Find("[data-property='name'] label").TextContent);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task Nothing_selected_says_what_to_do()
    {
        var (_, panel) = await SelectAsync(ReferenceTicketTypes.EquipmentRepair(), new NodeSelection([]));

        Assert.NotNull(panel.Find("[data-empty='properties']"));
    }
}
