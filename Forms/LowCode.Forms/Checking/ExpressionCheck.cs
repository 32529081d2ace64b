using LowCode.Runtime.Expressions;

namespace LowCode.Forms.Checking;

/// <summary>Compiles one expression of the form against its field types and reports where it fails.</summary>
internal sealed class ExpressionCheck(ExpressionCompiler compiler, List<FormSchemaProblem> problems)
{
    public void Check(string? text, Type expected, string path)
    {
        if (text is null) return;
        ExpressionCompileResult result;
        try
        {
            result = compiler.Compile(text, expected);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add(new FormSchemaProblem(path, $"The expression could not be compiled: {e.Message}"));
            return;
        }
        foreach (var error in result.Errors)
            problems.Add(new FormSchemaProblem(path, error.Message) { Line = error.Line, Column = error.Column });
    }
}
