namespace LowCode.Grains.Dispatch;

/// <summary>A ticket's note that an agent holds capacity for one of its tasks (released when the task closes or moves).</summary>
public sealed record CapacityHold(string TaskId, string AgentId);
