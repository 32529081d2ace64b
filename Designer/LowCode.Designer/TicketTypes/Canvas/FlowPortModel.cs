using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// A port of a step: its single input, or one outcome (an action, a branch, approved / rejected, failed, an
/// escalation port…). A connection leaves an outcome port and arrives at another step (its input port or its body).
/// </summary>
public sealed class FlowPortModel : PortModel
{
    public FlowPortModel(FlowNodeModel parent, string name, bool isInput, bool isStale)
        : base($"{parent.Id}:{(isInput ? "<in>" : name)}", parent, isInput ? PortAlignment.Left : PortAlignment.Right, size: new(NodeGeometry.PortSize, NodeGeometry.PortSize))
    {
        Name = name;
        IsInput = isInput;
        IsStale = isStale;
        Initialized = true; // positions are computed (NodeGeometry), never measured in the browser
    }

    /// <summary>The outcome port's name as connections name it (<c>approved</c>, an action key…); <c>in</c> for the input.</summary>
    public string Name { get; }

    public bool IsInput { get; }

    /// <summary>A connection leaves by this port but the step no longer has it (e.g. its action was removed).</summary>
    public bool IsStale { get; }

    public FlowNodeModel Node => (FlowNodeModel)Parent;

    /// <summary>An outcome port connects to another step, dropped on its body or on its input port.</summary>
    public override bool CanAttachTo(ILinkable other) => !IsInput && other switch
    {
        FlowPortModel { IsInput: true } port => port.Parent != Parent,
        FlowNodeModel node => node != Parent,
        _ => false,
    };
}
