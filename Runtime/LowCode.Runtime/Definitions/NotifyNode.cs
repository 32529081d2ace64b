namespace LowCode.Runtime.Definitions;

/// <summary>Sends a message (templates use <c>{{ expression }}</c>) and continues at once.</summary>
public sealed record NotifyNode : Node
{
    public string Channel { get; init; } = NotifyChannels.InApp;
    public List<Participant> Recipients { get; init; } = [];
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";

    protected override string GetKind() => NodeKinds.Notify;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out];
}

public static class NotifyChannels
{
    public const string InApp = "inApp";
    public const string Email = "email";
    public const string Webhook = "webhook";
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";

    public static readonly IReadOnlyList<string> All = [InApp, Email, Webhook, WeCom, DingTalk];
}
