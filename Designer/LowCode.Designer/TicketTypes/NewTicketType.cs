using LowCode.Forms.Schema;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes;

/// <summary>What a new ticket type starts as: a flow from start straight to end, and a form with one empty section.</summary>
public static class NewTicketType
{
    public static TicketTypeDefinition Minimal(string key, string name, string category, string sectionTitle) => new()
    {
        Key = key,
        Name = name,
        Category = category,
        Form = new FormSchema { Sections = [new FormSection { Key = "main", Title = sectionTitle, Columns = 1 }] },
        Workflow = new WorkflowDefinition
        {
            Key = key,
            Name = name,
            Nodes = [new StartNode { Id = "start", Name = "Start" }, new EndNode { Id = "end", Name = "End" }],
            Connections = [new Connection(new Endpoint("start", Ports.Out), new Endpoint("end"))],
            Layout = new DesignerLayout { Nodes = new() { ["start"] = new Position(80, 120), ["end"] = new Position(360, 120) } },
        },
    };

    /// <summary>A copy under a new key: same form, flow and rules, a draft that was never published.</summary>
    public static TicketTypeDefinition Copy(TicketTypeDefinition source, string key, string name) =>
        source with { Key = key, Name = name, Workflow = source.Workflow with { Key = key } };
}
