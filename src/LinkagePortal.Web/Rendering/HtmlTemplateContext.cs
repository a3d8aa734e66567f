using System.Collections;
using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace LinkagePortal.Rendering;

/// <summary>
/// A Scriban context whose value-writing path HTML-encodes everything except <see cref="TrustedHtml"/>. Text written
/// by the template itself is not a value and stays as written. Strict: an unknown variable, member or function
/// throws; there is no loader, so Scriban's own <c>include</c> cannot bypass the seam. Contexts are pooled by
/// <see cref="PageRenderer"/> and reset between renders.
/// </summary>
sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>
    /// Member accessors shared by every context: Scriban caches them per context and drops them on each reset, which
    /// would make every pooled render reflect over the view models again.
    /// </summary>
    static readonly ConcurrentDictionary<Type, IObjectAccessor?> Accessors = new();

    readonly Func<string, string> encode;

    public HtmlTemplateContext(ScriptObject builtins, Func<string, string> encode) : base(builtins)
    {
        this.encode = encode;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedIndexerAccess = false;
        MemberRenamer = member => member.Name;
        AutoIndent = false;
        // Loops run over the view models' own lists (a page lists at most hundreds of rows); no limit to trip.
        LoopLimit = 0;
        TemplateLoader = null;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is TrustedHtml html)
        {
            return WriteInSlices(html.Html);
        }

        var text = ObjectToString(textAsObject);
        return text is null ? this : Write(encode(text));
    }

    /// <summary>
    /// Writes a rendered page body or partial a slice at a time: the output's StringBuilder gives a long string written
    /// whole one chunk of its length, a large-object-heap array per page whose collection cost more than the copy.
    /// </summary>
    TemplateContext WriteInSlices(string html)
    {
        for (var at = 0; at < html.Length; at += Slice)
        {
            Write(html, at, Math.Min(Slice, html.Length - at));
        }

        return this;
    }

    /// <summary>Below the large object heap's threshold (85,000 bytes) in UTF-16, and no more than a StringBuilder chunk.</summary>
    const int Slice = 8000;

    /// <summary>
    /// Truthiness as the templates expect it: null, false, zero, the empty string and an empty list are false, so
    /// <c>if Projects</c> means "if there are any".
    /// </summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        decimal d => d != 0,
        ICollection c => c.Count > 0,
        _ => base.ToBool(span, value),
    };

    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        target is IScriptObject or string or IList or IDictionary || target.GetType().IsPrimitive
            ? base.GetMemberAccessorImpl(target)
            : Accessors.GetOrAdd(target.GetType(), _ => base.GetMemberAccessorImpl(target));
}
