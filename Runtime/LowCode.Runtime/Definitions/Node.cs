using System.Text.Json.Serialization;

namespace LowCode.Runtime.Definitions;

/// <summary>
/// A step in a flow. The JSON carries the kind as <c>"kind"</c>; each kind adds its own settings.
/// <see cref="OutcomePorts"/> are the ports a connection may leave from: they are how the
/// validator knows a connection is sensible and how the engine knows where a token goes next.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(StartNode), NodeKinds.Start)]
[JsonDerivedType(typeof(UserTaskNode), NodeKinds.UserTask)]
[JsonDerivedType(typeof(ApprovalNode), NodeKinds.Approval)]
[JsonDerivedType(typeof(ConditionNode), NodeKinds.Condition)]
[JsonDerivedType(typeof(ParallelSplitNode), NodeKinds.ParallelSplit)]
[JsonDerivedType(typeof(ParallelJoinNode), NodeKinds.ParallelJoin)]
[JsonDerivedType(typeof(TimerNode), NodeKinds.Timer)]
[JsonDerivedType(typeof(SetVariablesNode), NodeKinds.SetVariables)]
[JsonDerivedType(typeof(ScriptNode), NodeKinds.Script)]
[JsonDerivedType(typeof(HttpCallNode), NodeKinds.HttpCall)]
[JsonDerivedType(typeof(NotifyNode), NodeKinds.Notify)]
[JsonDerivedType(typeof(SubTicketNode), NodeKinds.SubTicket)]
[JsonDerivedType(typeof(EndNode), NodeKinds.End)]
public abstract record Node
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }

    [JsonIgnore] public string Kind => GetKind();

    /// <summary>The kind name written as the JSON discriminator.</summary>
    protected abstract string GetKind();

    /// <summary>Ports a connection may leave from.</summary>
    public abstract IEnumerable<string> OutcomePorts();

    /// <summary>True when more than one connection may leave the same port (only a parallel split).</summary>
    [JsonIgnore] public virtual bool FansOut => false;

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}

public static class NodeKinds
{
    public const string Start = "start";
    public const string UserTask = "userTask";
    public const string Approval = "approval";
    public const string Condition = "condition";
    public const string ParallelSplit = "parallelSplit";
    public const string ParallelJoin = "parallelJoin";
    public const string Timer = "timer";
    public const string SetVariables = "setVariables";
    public const string Script = "script";
    public const string HttpCall = "httpCall";
    public const string Notify = "notify";
    public const string SubTicket = "subTicket";
    public const string End = "end";

    public static readonly IReadOnlyList<string> All =
        [Start, UserTask, Approval, Condition, ParallelSplit, ParallelJoin, Timer, SetVariables, Script, HttpCall, Notify, SubTicket, End];
}
