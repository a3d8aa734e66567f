using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LinkagePortal.Rendering;

/// <summary>
/// A template function with fixed parameters, called directly. Written by hand because Scriban calls an imported
/// delegate through reflection, which costs a few microseconds per call: more than the rest of a table row.
/// </summary>
sealed class TemplateFunction(string[] parameters, Func<ScriptArray, object?> body) : IScriptCustomFunction
{
    public int RequiredParameterCount => parameters.Length;

    public int ParameterCount => parameters.Length;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), parameters[index]);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        body(arguments);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(body(arguments));
}
