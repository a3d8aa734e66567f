using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace LinkagePortal.Rendering;

/// <summary>
/// A view model as a template's globals: <c>{{ Project.Name }}</c> reads the model's property through Scriban's member
/// accessor, without copying every property into a <see cref="ScriptObject"/> on each render. Variables a template
/// assigns live in the scope itself.
/// </summary>
/// <remarks>
/// ScriptObject's parameterless constructor reflects over a derived type's static members on every construction;
/// a scope is made per render, so that import is switched off.
/// </remarks>
sealed class ModelScope(object model) : ScriptObject(0, autoImportStaticsFromThisType: false)
{
    public object Model { get; } = model;

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) =>
        base.TryGetValue(context, span, member, out value)
        || (context is not null && context.GetMemberAccessor(Model).TryGetValue(context, span, Model, member, out value));
}
