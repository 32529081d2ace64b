using System.Collections.Concurrent;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Expressions;

namespace LowCode.Grains.Dispatch;

/// <summary>Dispatch rules compiled once per published version (filter, skill and score expressions), per silo.</summary>
public sealed class DispatchPolicies
{
    private readonly ConcurrentDictionary<(string Type, int Version, string Rule), DispatchPolicy> _policies = new();

    public DispatchPolicy For(CompiledTicketType compiled, DispatchRuleDefinition rule) =>
        _policies.GetOrAdd((compiled.Plan.TicketType, compiled.Plan.Version, rule.Key), _ => Compile(compiled.Plan.Schema, rule));

    /// <summary>Compiles a rule; publishing checked it, so a failure here means the version no longer compiles.</summary>
    public static DispatchPolicy Compile(ExpressionSchema schema, DispatchRuleDefinition rule)
    {
        var compiler = ExpressionCompiler.For(schema);
        CompiledExpression? Compile(string? text, Type type, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var result = compiler.Compile(text, type);
            return result.Expression ?? throw new InvalidOperationException(
                $"The {what} of dispatch rule '{rule.Key}' does not compile: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
        if (!DispatchStrategies.TryParse(string.IsNullOrEmpty(rule.Strategy) ? "leastLoaded" : rule.Strategy, out var strategy))
            throw new InvalidOperationException($"Dispatch rule '{rule.Key}' has an unknown strategy '{rule.Strategy}'.");
        return new DispatchPolicy(rule.Key, strategy)
        {
            Filter = Compile(rule.Filter, typeof(bool), "filter"),
            Skill = Compile(rule.Skill, typeof(string), "skill"),
            Score = Compile(rule.Score, typeof(decimal), "score"),
        };
    }
}
