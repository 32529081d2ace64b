using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>Fresh step ids: the kind and the first number not taken (<c>approval2</c>), readable in JSON and expressions.</summary>
public static class NodeIds
{
    public static int NextNumber(WorkflowDefinition workflow, string kind) => NextNumber(workflow.Nodes.Select(n => n.Id).ToHashSet(), kind);

    public static int NextNumber(IReadOnlySet<string> taken, string kind)
    {
        var n = 1;
        while (taken.Contains(kind + n)) n++;
        return n;
    }
}
