using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.ObjectPool;
using Scriban;
using Scriban.Runtime;

namespace LinkagePortal.Rendering;

/// <summary>
/// The one seam in front of the template engine, Scriban. Page templates sit beside their feature
/// (<c>Regions/RegionPage.sbn-html</c>), the layout and partials in <c>Rendering/</c>; they are read at run time and
/// parsed once. Every value a template writes is HTML-encoded (<see cref="HtmlTemplateContext"/>); only rendered
/// templates and Markdown (<see cref="TrustedHtml"/>) are written as they are. A partial is rendered through the
/// seam with <c>{{ partial "project-table" model }}</c>, its model's members being its variables. Binding is
/// strict: a misspelt variable, member or function throws instead of rendering blank.
/// </summary>
public sealed class PageRenderer
{
    public const string Extension = ".sbn-html";

    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Encodes &lt; &gt; &amp; quotes and control characters; Chinese text stays as it is.</summary>
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    readonly string root;
    readonly StaticAssets assets;
    readonly ConcurrentDictionary<string, Template> parsed = new();

    /// <summary>Contexts are reused: creating one per render costs several times the render itself.</summary>
    readonly ObjectPool<HtmlTemplateContext> contexts;

    public PageRenderer() : this(StaticAssets.None)
    {
    }

    /// <summary>The portal's renderer: the layout links the web root's files by their fingerprinted addresses.</summary>
    public PageRenderer(StaticAssets assets) : this(AppContext.BaseDirectory, Encoder.Encode, assets)
    {
    }

    public PageRenderer(string templateRoot) : this(templateRoot, Encoder.Encode, StaticAssets.None)
    {
    }

    /// <summary>With the encoder of values given: the tests pass one that does not encode, to show what it prevents.</summary>
    internal PageRenderer(string templateRoot, Func<string, string> encode, StaticAssets? assets = null)
    {
        root = templateRoot;
        this.assets = assets ?? StaticAssets.None;
        contexts = new DefaultObjectPool<HtmlTemplateContext>(new ContextPolicy(this, encode), Environment.ProcessorCount * 8);
    }

    /// <summary>
    /// Renders <paramref name="template"/> (a path such as <c>Regions/RegionPage</c>) inside the layout, made ready for
    /// narrow screens (<see cref="NarrowScreens"/>), with the page kind's description.
    /// </summary>
    public string Render(string template, object model, string title)
    {
        var body = new TrustedHtml(NarrowScreens.Prepare(RenderTemplate(template, model).Html));
        return RenderTemplate("Rendering/Layout", new LayoutModel(title, PageDescriptions.For(template, title), body, assets, DataAsOf())).Html;
    }

    public IResult Page(string template, object model, string title, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(Render(template, model, title), "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);

    /// <summary>When the public data last changed (the site-wide "数据更新至" line), or null when not known.</summary>
    public Func<DateTime?> DataAsOf { get; init; } = () => null;

    public sealed record LayoutModel(string Title, string Description, TrustedHtml Body, StaticAssets Assets, DateTime? DataAsOf)
    {
        public string SiteCss => Assets.Url("/css/site.css");
        public string PrintCss => Assets.Url("/css/print.css");
        public string Icon => Assets.Url("/favicon.svg");
        public string ReaderCss => LargeType.StyleSheet;
        public string LargeTypeSwitch => LargeType.Switch;
    }

    /// <summary>A partial of <c>Rendering/Partials/</c> with <paramref name="model"/>'s members as its variables.</summary>
    internal TrustedHtml RenderPartial(string name, object model) => RenderTemplate($"Rendering/Partials/{name}", model);

    TrustedHtml RenderTemplate(string name, object model)
    {
        var template = parsed.GetOrAdd(name, Parse);
        var context = contexts.Get();
        context.PushGlobal(new ModelScope(model is ModelScope scope ? scope.Model : model));
        // A context left half-way by an error is dropped rather than returned to the pool.
        var html = template.Render(context);
        contexts.Return(context);
        return new TrustedHtml(html);
    }

    Template Parse(string name)
    {
        var path = Path.Combine(root, name + Extension);
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"{path}: {string.Join("; ", template.Messages)}");
        }

        return template;
    }

    sealed class ContextPolicy(PageRenderer renderer, Func<string, string> encode) : IPooledObjectPolicy<HtmlTemplateContext>
    {
        public HtmlTemplateContext Create() => new(Helpers(renderer, encode), encode);

        public bool Return(HtmlTemplateContext context)
        {
            context.Reset();
            return true;
        }
    }

    /// <summary>The functions templates may call; Scriban's own builtins (include among them) are not offered.</summary>
    static ScriptObject Helpers(PageRenderer renderer, Func<string, string> encode)
    {
        var helpers = new ScriptObject();
        void Add(string name, string[] parameters, Func<ScriptArray, object?> body) => helpers.Add(name, new TemplateFunction(parameters, body));

        // {{ partial "project-table" this }}: through the seam, so that its output is encoded once, here.
        Add("partial", ["name", "model"], a => renderer.RenderPartial((string)a[0]!, a[1]!));

        // {{ project_rows Projects }}: the project table's rows, written in C# (ProjectRows) with this seam's encoder.
        Add("project_rows", ["projects"], a => ProjectRows.Write((IEnumerable<ProjectRecord>)a[0]!, encode));

        // {{ wan AmountYuan }} → 12,345.67 万元 (a no-break space before the unit, which is always shown).
        Add("wan", ["yuan"], a => a[0] switch
        {
            null => "",
            long yuan => $"{Money.FormatWan(yuan)}\u00a0万元",
            var other => throw new ArgumentException($"wan expects an amount in yuan (long), got {other.GetType().Name}"),
        });

        // {{ date d }} → 2024年1月26日; {{ time t }} → 2024年1月26日 08:00 (Beijing time).
        Add("date", ["day"], a => a[0] is DateTime day ? Dates.Chinese(day) : "");
        Add("time", ["utc"], a => a[0] is DateTime utc
            ? string.Create(Invariant, $"{Dates.Chinese(Dates.ToBeijing(utc))} {Dates.ToBeijing(utc):HH:mm}")
            : "");

        // {{ isoDate d }} and {{ isoTime t }} (Beijing time, with offset) for <time datetime="…">.
        Add("isoTime", ["utc"], a => a[0] is DateTime utc ? Dates.ToBeijing(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Invariant) : "");
        Add("isoDate", ["day"], a => a[0] is DateTime day ? day.ToString("yyyy-MM-dd", Invariant) : "");

        // {{ if eq(Kind, "total") }}: equal as text, as the data's codes are compared.
        Add("eq", ["a", "b"], a => Equals(a[0]?.ToString(), a[1]?.ToString()));

        // href="{{ url Url }}" where a whole address comes from data: only a path on this site or an http(s) address.
        Add("url", ["address"], a => SafeUrl(a[0] as string));

        return helpers;
    }

    static string SafeUrl(string? url) =>
        url is not null && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) || url.StartsWith('#')
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ? url
            : "#";
}
