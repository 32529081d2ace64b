using LowCode.Designer.Localization;
using LowCode.Runtime.Definitions;
using Microsoft.Extensions.Localization;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// What a link says: the connection's own label when it has one, else what its port means on the source step —
/// a branch's label or condition, an action's label, or the port's name (none for a plain "out").
/// </summary>
public static class LinkLabels
{
    public static string Of(Connection connection, Node? source, IStringLocalizer<CanvasText> text)
    {
        if (!string.IsNullOrWhiteSpace(connection.Label)) return connection.Label;
        var port = connection.Source.Port;
        return source switch
        {
            ConditionNode when port == Ports.Default => text[CanvasText.Otherwise],
            ConditionNode condition when condition.Branches.Find(b => b.Port == port) is { } branch => branch.Label ?? branch.When,
            UserTaskNode task when task.Actions.Find(a => a.Key == port) is { } action => action.Label,
            _ when port == Ports.Out => "",
            _ => port,
        };
    }
}
