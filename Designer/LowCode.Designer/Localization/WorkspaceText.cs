namespace LowCode.Designer.Localization;

/// <summary>
/// The workspace's UI text (agents' tasks, queues and task forms), read through <c>IStringLocalizer&lt;WorkspaceText&gt;</c> from <c>Resources/Localization/WorkspaceText*.resx</c>:
/// English, and Chinese for zh-CN (the file is zh-Hans, the parent of zh-CN). Each constant is a resource name.
/// </summary>
public sealed class WorkspaceText
{
    public const string Workspace = nameof(Workspace);
    public const string MyTasks = nameof(MyTasks);
    public const string MyTasksEmpty = nameof(MyTasksEmpty);
    public const string TicketsHeading = nameof(TicketsHeading);
    public const string StatusFilter = nameof(StatusFilter);
    public const string AllStatuses = nameof(AllStatuses);
    public const string NoTicketsForYou = nameof(NoTicketsForYou);
    public const string ColTask = nameof(ColTask);
    public const string ColAssignee = nameof(ColAssignee);
    public const string AssignedToYou = nameof(AssignedToYou);
    public const string InQueue = nameof(InQueue);
    public const string AssignedTo = nameof(AssignedTo);
    public const string WorkOnTask = nameof(WorkOnTask);
    public const string TaskTitle = nameof(TaskTitle);
    public const string TaskNotOpen = nameof(TaskNotOpen);
    public const string CannotWork = nameof(CannotWork);
    public const string Claim = nameof(Claim);
    public const string Release = nameof(Release);
    public const string Comment = nameof(Comment);
    public const string CommentRequired = nameof(CommentRequired);
    public const string CommentHelp = nameof(CommentHelp);
    public const string Working = nameof(Working);
    public const string NoTaskForm = nameof(NoTaskForm);
    public const string Action_approve = nameof(Action_approve);
    public const string Action_reject = nameof(Action_reject);
    public const string Action_sendBack = nameof(Action_sendBack);
    public const string Dashboards = nameof(Dashboards);
    public const string DashboardsHint = nameof(DashboardsHint);
}
