using LowCode.Designer.Localization;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// Every kind of step the analyst can draw: its glyph, its label (a <see cref="CanvasText"/> resource), and the
/// step a fresh drop creates — sensible defaults that show what the kind is for, which the analyst then edits.
/// </summary>
public static class NodePalette
{
    public sealed record Entry(string Kind, string Glyph, string DefaultName, Func<string, string, Node> Create)
    {
        public string Label => CanvasText.Kind(Kind);
    }

    public static IReadOnlyList<Entry> All { get; } =
    [
        new(NodeKinds.Start, "▶", "开始 Start", (id, name) => new StartNode { Id = id, Name = name }),
        new(NodeKinds.UserTask, "☺", "处理 Task", (id, name) => new UserTaskNode
        {
            Id = id, Name = name, Actions = [new TaskAction("done", "完成 Done")],
        }),
        new(NodeKinds.Approval, "☑", "审批 Approval", (id, name) => new ApprovalNode
        {
            Id = id, Name = name,
            Levels = [new ApprovalLevel { Name = "Level 1", Approvers = [new Participant(ParticipantKind.RequesterManager)] }],
        }),
        new(NodeKinds.Condition, "◆", "条件 Condition", (id, name) => new ConditionNode
        {
            Id = id, Name = name, Branches = [new ConditionBranch("yes", "true") { Label = "yes" }],
        }),
        new(NodeKinds.ParallelSplit, "⋔", "并行 Split", (id, name) => new ParallelSplitNode { Id = id, Name = name }),
        new(NodeKinds.ParallelJoin, "⋈", "汇聚 Join", (id, name) => new ParallelJoinNode { Id = id, Name = name }),
        new(NodeKinds.Timer, "◷", "等待 Wait", (id, name) => new TimerNode { Id = id, Name = name, Wait = new Duration(TimeSpan.FromHours(1)) }),
        new(NodeKinds.SetVariables, "≔", "赋值 Set variables", (id, name) => new SetVariablesNode { Id = id, Name = name }),
        new(NodeKinds.Script, "λ", "脚本 Script", (id, name) => new ScriptNode { Id = id, Name = name }),
        new(NodeKinds.HttpCall, "⇄", "接口调用 HTTP call", (id, name) => new HttpCallNode { Id = id, Name = name }),
        new(NodeKinds.Notify, "✉", "通知 Notify", (id, name) => new NotifyNode
        {
            Id = id, Name = name, Recipients = [new Participant(ParticipantKind.Requester)],
        }),
        new(NodeKinds.SubTicket, "❐", "子工单 Sub-ticket", (id, name) => new SubTicketNode { Id = id, Name = name }),
        new(NodeKinds.End, "■", "结束 End", (id, name) => new EndNode { Id = id, Name = name }),
    ];

    private static readonly Dictionary<string, Entry> ByKind = All.ToDictionary(e => e.Kind);

    public static Entry Of(string kind) => ByKind.TryGetValue(kind, out var entry) ? entry : throw new ArgumentException($"Unknown node kind '{kind}'.", nameof(kind));

    public static string GlyphOf(string kind) => ByKind.TryGetValue(kind, out var entry) ? entry.Glyph : "?";
}
