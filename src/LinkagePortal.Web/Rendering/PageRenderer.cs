using System.Collections.Concurrent;
using System.Globalization;
using HandlebarsDotNet;

namespace LinkagePortal.Rendering;

/// <summary>
/// The one seam in front of the template engine (Handlebars.Net; the design card named Scriban, which the package
/// source does not hold). Page templates sit beside their feature (<c>Regions/RegionPage.hbs</c>); the layout and
/// partials are in <c>Rendering/</c>. Binding is strict: a misspelt member throws instead of rendering blank, and
/// every <c>{{value}}</c> is HTML-encoded.
/// </summary>
public sealed class PageRenderer
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    readonly string root;
    readonly IHandlebars handlebars;
    readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> compiled = new();

    public PageRenderer() : this(AppContext.BaseDirectory)
    {
    }

    public PageRenderer(string templateRoot)
    {
        root = templateRoot;
        handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        RegisterHelpers(handlebars);
        foreach (var partial in Directory.EnumerateFiles(Path.Combine(root, "Rendering", "Partials"), "*.hbs"))
        {
            handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(partial), File.ReadAllText(partial));
        }
    }

    /// <summary>Renders <paramref name="template"/> (a path such as <c>Regions/RegionPage</c>) inside the layout.</summary>
    public string Render(string template, object model, string title)
    {
        var body = Template(template)(model);
        return Template("Rendering/Layout")(new LayoutModel(title, body));
    }

    public IResult Page(string template, object model, string title, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(Render(template, model, title), "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);

    HandlebarsTemplate<object, object> Template(string name) =>
        compiled.GetOrAdd(name, n => handlebars.Compile(File.ReadAllText(Path.Combine(root, n + ".hbs"))));

    public sealed record LayoutModel(string Title, string Body);

    static void RegisterHelpers(IHandlebars h)
    {
        // {{wan amountYuan}} → 12,345.67 万元: the unit is always shown.
        h.RegisterHelper("wan", (writer, _, args) =>
        {
            if (args[0] is long yuan)
            {
                writer.WriteSafeString($"{Money.FormatWan(yuan)}&nbsp;万元");
            }
            else if (args[0] is not null)
            {
                throw new HandlebarsRuntimeException($"wan expects an amount in yuan (long), got {args[0]!.GetType().Name}");
            }
        });

        // {{date d}} → 2024年1月26日; {{time t}} → 2024年1月26日 08:00 (Beijing time).
        h.RegisterHelper("date", (writer, _, args) =>
        {
            if (args[0] is DateTime d)
            {
                writer.Write(Dates.Chinese(d));
            }
        });
        h.RegisterHelper("time", (writer, _, args) =>
        {
            if (args[0] is DateTime t)
            {
                var beijing = Dates.ToBeijing(t);
                writer.Write(string.Create(Invariant, $"{Dates.Chinese(beijing)} {beijing:HH:mm}"));
            }
        });

        // {{isoDate d}} and {{isoTime t}} (Beijing time, with offset) for <time datetime="…">.
        h.RegisterHelper("isoTime", (writer, _, args) =>
        {
            if (args[0] is DateTime t)
            {
                writer.Write(Dates.ToBeijing(t).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Invariant));
            }
        });
        h.RegisterHelper("isoDate", (writer, _, args) =>
        {
            if (args[0] is DateTime d)
            {
                writer.Write(d.ToString("yyyy-MM-dd", Invariant));
            }
        });

        // {{#eq a b}}…{{else}}…{{/eq}}
        h.RegisterHelper("eq", (writer, options, context, args) =>
        {
            if (Equals(args[0]?.ToString(), args[1]?.ToString()))
            {
                options.Template(writer, context);
            }
            else
            {
                options.Inverse(writer, context);
            }
        });
    }
}
