using LowCode.Runtime.Expressions;

namespace LowCode.Runtime.Dispatch;

/// <summary>
/// A dispatch rule compiled for one published version: which agents may take the task (filter over
/// <c>agent</c>, <c>form</c>, <c>ticket</c>…), and how they are ordered.
/// </summary>
public sealed record DispatchPolicy(string RuleKey, DispatchStrategy Strategy)
{
    /// <summary>True for agents who may take the task; no filter admits everyone in the pool.</summary>
    public CompiledExpression? Filter { get; init; }

    /// <summary>The number to rank by (highest first) for <see cref="DispatchStrategy.ExpressionScore"/>.</summary>
    public CompiledExpression? Score { get; init; }

    /// <summary>The skill to rank by for <see cref="DispatchStrategy.BestSkillScore"/>, e.g. <c>form.Category</c>.</summary>
    public CompiledExpression? Skill { get; init; }
}
