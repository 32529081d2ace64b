namespace LowCode.Designer.Shared;

/// <summary>Bilingual labels for stored codes (resource files replace these with the portal work).</summary>
public static class Labels
{
    public static string Status(string status) => status switch
    {
        "open" => "处理中 Open",
        "closed" => "已关闭 Closed",
        "cancelled" => "已取消 Cancelled",
        _ => status,
    };

    public static string TimelineKind(string kind, string? subject) => kind switch
    {
        "Created" => "创建 Created",
        "StepEntered" => "进入步骤 Step entered",
        "TaskCreated" => "任务创建 Task created",
        "TaskAssigned" => "任务分配 Task assigned",
        "TaskCompleted" => "任务完成 Task completed",
        "TaskCancelled" => "任务取消 Task cancelled",
        "PriorityChanged" => "优先级变更 Priority changed",
        "StatusChanged" => "状态变更 Status changed",
        "EscalationFired" => "升级 Escalation",
        "NotificationSent" => "已通知 Notification sent",
        "Dispatch" => "派单 Dispatch",
        "ChildTicketCreated" => "子工单创建 Sub-ticket created",
        "ChildTicketClosed" => "子工单关闭 Sub-ticket closed",
        "IncidentRaised" => "故障 Incident raised",
        "IncidentResolved" => "故障解决 Incident resolved",
        "AttachmentsLinked" => "附件 Attachments added",
        "Comment" when subject == "internal" => "内部评论 Internal comment",
        "Comment" => "评论 Comment",
        _ => kind,
    };

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
