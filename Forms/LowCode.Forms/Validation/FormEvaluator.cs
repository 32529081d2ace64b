using System.Collections.Immutable;
using LowCode.Runtime.Expressions;

namespace LowCode.Forms.Validation;

/// <summary>
/// Runs the form's expressions over the data being validated. An expression that does not compile or
/// fails at run time never escapes as an exception: it becomes a problem naming the field and the rule,
/// and the caller continues with a safe fallback.
/// </summary>
internal sealed class FormEvaluator(ExpressionCompiler compiler, FormValidationContext context, List<FormProblem> problems)
{
    private readonly ExpressionScope _scope = new()
    {
        Now = context.Now,
        Requester = context.Requester,
        Ticket = context.Ticket,
        Vars = context.Vars,
    };

    /// <summary>The form data expressions read; updated as defaults and computed values are applied.</summary>
    public ImmutableDictionary<string, object?> Data
    {
        get => _scope.Form;
        set => _scope.Form = value;
    }

    /// <summary>Evaluates a true/false rule; <paramref name="fallback"/> when it cannot be evaluated.</summary>
    public bool Test(string text, string path, string rule, bool fallback) =>
        Evaluate(text, typeof(bool), path, rule, out var value) ? value is true : fallback;

    /// <summary>Evaluates to a stored (JSON-natural) value of the expected type.</summary>
    public bool Evaluate(string text, Type expected, string path, string rule, out object? value)
    {
        value = null;
        try
        {
            var compiled = compiler.Compile(text, expected);
            if (compiled.Expression is null)
            {
                Fail(path, rule, string.Join("; ", compiled.Errors));
                return false;
            }
            value = DataTypes.Store(compiled.Expression.Evaluate(_scope));
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail(path, rule, (e as ExpressionRuntimeException)?.InnerException?.Message ?? e.Message);
            return false;
        }
    }

    private void Fail(string path, string rule, string reason) =>
        problems.Add(new FormProblem(path, FormProblemCodes.Expression, $"The {rule} rule of {(path.Length == 0 ? "the form" : path)} could not be evaluated: {reason}"));
}
