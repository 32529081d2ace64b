namespace LowCode.Designer.Localization;

/// <summary>
/// The portal's UI text, read through <c>IStringLocalizer&lt;UiText&gt;</c> from <c>Resources/Localization/UiText*.resx</c>:
/// English, and Chinese for zh-CN (the file is zh-Hans, the parent of zh-CN). Each constant is a resource name.
/// </summary>
public sealed class UiText
{
    public const string Portal = nameof(Portal);
    public const string Catalog = nameof(Catalog);
    public const string CatalogSearch = nameof(CatalogSearch);
    public const string Search = nameof(Search);
    public const string CatalogEmpty = nameof(CatalogEmpty);
    public const string CatalogNoMatch = nameof(CatalogNoMatch);
    public const string OpenTicket = nameof(OpenTicket);
    public const string MyTickets = nameof(MyTickets);
    public const string AllMyTickets = nameof(AllMyTickets);
    public const string MyTicketsEmpty = nameof(MyTicketsEmpty);
    public const string NoTickets = nameof(NoTickets);
    public const string ShowingNewest = nameof(ShowingNewest);
    public const string NewTicket = nameof(NewTicket);
    public const string TypeNotFound = nameof(TypeNotFound);
    public const string SubmitTicket = nameof(SubmitTicket);
    public const string Loading = nameof(Loading);
    public const string ServerProblems = nameof(ServerProblems);
    public const string Submitted = nameof(Submitted);
    public const string SubmittedText = nameof(SubmittedText);
    public const string ViewTicket = nameof(ViewTicket);
    public const string BackToPortal = nameof(BackToPortal);
    public const string ColTicket = nameof(ColTicket);
    public const string ColTitle = nameof(ColTitle);
    public const string ColType = nameof(ColType);
    public const string ColStatus = nameof(ColStatus);
    public const string ColPriority = nameof(ColPriority);
    public const string ColSteps = nameof(ColSteps);
    public const string ColRequester = nameof(ColRequester);
    public const string ColCreated = nameof(ColCreated);
    public const string ColDue = nameof(ColDue);
    public const string Status_open = nameof(Status_open);
    public const string Status_closed = nameof(Status_closed);
    public const string Status_cancelled = nameof(Status_cancelled);
    public const string Language = nameof(Language);
    public const string Attachments = nameof(Attachments);
    public const string NoAttachments = nameof(NoAttachments);
    public const string Reply = nameof(Reply);
    public const string Send = nameof(Send);
    public const string SessionEnded = nameof(SessionEnded);

    /// <summary>The resource name of a stored ticket status (open, closed, cancelled).</summary>
    public static string Status(string status) => "Status_" + status;

    /// <summary>The resource name of a timeline entry's kind (an internal comment has its own).</summary>
    public static string Kind(string kind, string? subject) => kind == "Comment" && subject == "internal" ? Kind_InternalComment : "Kind_" + kind;
    public const string CurrentSteps = nameof(CurrentSteps);
    public const string NoOpenStep = nameof(NoOpenStep);
    public const string Unclaimed = nameof(Unclaimed);
    public const string DueAt = nameof(DueAt);
    public const string Timeline = nameof(Timeline);
    public const string AddComment = nameof(AddComment);
    public const string PostComment = nameof(PostComment);
    public const string Sla = nameof(Sla);
    public const string SlaFirstResponse = nameof(SlaFirstResponse);
    public const string SlaResolution = nameof(SlaResolution);
    public const string SlaRunning = nameof(SlaRunning);
    public const string SlaPaused = nameof(SlaPaused);
    public const string SlaMet = nameof(SlaMet);
    public const string SlaStopped = nameof(SlaStopped);
    public const string SlaBreached = nameof(SlaBreached);
    public const string Details = nameof(Details);
    public const string Kind_Created = nameof(Kind_Created);
    public const string Kind_StepEntered = nameof(Kind_StepEntered);
    public const string Kind_TaskCreated = nameof(Kind_TaskCreated);
    public const string Kind_TaskAssigned = nameof(Kind_TaskAssigned);
    public const string Kind_TaskCompleted = nameof(Kind_TaskCompleted);
    public const string Kind_TaskCancelled = nameof(Kind_TaskCancelled);
    public const string Kind_PriorityChanged = nameof(Kind_PriorityChanged);
    public const string Kind_StatusChanged = nameof(Kind_StatusChanged);
    public const string Kind_EscalationFired = nameof(Kind_EscalationFired);
    public const string Kind_NotificationSent = nameof(Kind_NotificationSent);
    public const string Kind_Dispatch = nameof(Kind_Dispatch);
    public const string Kind_ChildTicketCreated = nameof(Kind_ChildTicketCreated);
    public const string Kind_ChildTicketClosed = nameof(Kind_ChildTicketClosed);
    public const string Kind_IncidentRaised = nameof(Kind_IncidentRaised);
    public const string Kind_IncidentResolved = nameof(Kind_IncidentResolved);
    public const string Kind_AttachmentsLinked = nameof(Kind_AttachmentsLinked);
    public const string Kind_Comment = nameof(Kind_Comment);
    public const string Kind_InternalComment = nameof(Kind_InternalComment);
}
