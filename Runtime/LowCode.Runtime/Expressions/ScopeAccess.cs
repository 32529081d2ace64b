namespace LowCode.Runtime.Expressions;

/// <summary>What compiled <c>form.X</c> / <c>vars.X</c> accessors call: the stored value or null.</summary>
public static class ScopeAccess
{
    public static object? Form(ExpressionScope scope, string key) => scope.Form.TryGetValue(key, out var value) ? value : null;
    public static object? Var(ExpressionScope scope, string key) => scope.Vars.TryGetValue(key, out var value) ? value : null;
}
