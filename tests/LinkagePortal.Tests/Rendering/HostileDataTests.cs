using System.Collections;
using System.Reflection;
using AngleSharp.Dom;
using LinkagePortal.About;
using LinkagePortal.Announcements;
using LinkagePortal.Checks;
using LinkagePortal.Disclosure;
using LinkagePortal.Documents;
using LinkagePortal.Home;
using LinkagePortal.Hotline;
using LinkagePortal.OpenData;
using LinkagePortal.Projects;
using LinkagePortal.Regions;
using LinkagePortal.Rendering;
using LinkagePortal.Rendering.Charts;
using LinkagePortal.Search;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// Every page type and partial rendered with hostile text in every string field of its model (markup, attribute
/// breakouts, quotes, <c>javascript:</c> URLs, template delimiters, control characters, right-to-left marks): the
/// parsed page must have exactly the elements and attributes it has with plain text, so none came from data. A
/// template without an entry here fails <see cref="Every_template_is_covered"/>.
/// </summary>
public sealed class HostileDataTests
{
    /// <summary>Each page template and the model its endpoint gives it.</summary>
    public static TheoryData<string, Type> Pages => new()
    {
        { "About/AboutPage", typeof(AboutPages.Model) },
        { "Announcements/AnnouncementListPage", typeof(AnnouncementPages.ListModel) },
        { "Announcements/AnnouncementPage", typeof(AnnouncementPages.Model) },
        { "Checks/ChecksPage", typeof(ChecksPageModel) },
        { "Disclosure/DisclosurePage", typeof(DisclosureViews.PageModel) },
        { "Documents/DocumentListPage", typeof(DocumentList) },
        { "Documents/DocumentPage", typeof(DocumentPage.Model) },
        { "Home/HomePage", typeof(HomeEndpoints.HomeModel) },
        { "Hotline/CountyPage", typeof(HotlineEndpoints.CountyPageModel) },
        { "Hotline/HotlinePage", typeof(HotlineEndpoints.HotlinePageModel) },
        { "OpenData/Catalog/DatasetsPage", typeof(CatalogEndpoints.CatalogModel) },
        { "OpenData/Catalog/DictionaryPage", typeof(CatalogEndpoints.CatalogModel) },
        { "Projects/ProjectPage", typeof(ProjectPage.Model) },
        { "Regions/RegionIndexPage", typeof(RegionEndpoints.IndexModel) },
        { "Regions/RegionPage", typeof(RegionPage.Model) },
        { "Regions/RegionProjectsPage", typeof(RegionEndpoints.ProjectListModel) },
        { "Rendering/ErrorPage", typeof(ErrorPages.ErrorModel) },
        { "Search/SearchPage", typeof(SearchPage.Model) },
    };

    /// <summary>Each partial and a model that has what it reads.</summary>
    public static TheoryData<string, Type> Partials => new()
    {
        { "bar-chart", typeof(BarChart) },
        { "county-checks", typeof(CountyChecksView) },
        { "disclosure-summary", typeof(DisclosureViews.Summary) },
        { "project-table", typeof(RegionPage.ProjectSection) },
        { "search-box", typeof(ErrorPages.ErrorModel) },
        { "supervision-contacts", typeof(RegionPage.Model) },
        { "version-history", typeof(LinkagePortal.Records.RecordHistory) },
    };

    /// <summary>One field's hostile text; <paramref name="n"/> makes every field's text distinct.</summary>
    static string Hostile(int n) =>
        $"javascript:alert({n})//<script>alert({n})</script>\"><svg onload=alert({n})>'><img src=x onerror=alert({n})>" +
        $" ' \" ` {{{{ Title }}}} {{{{{{Body}}}}}} {{{{> p}}}} {{{{ end }}}} {{% raw %}} </textarea></title><!-- --!> &amp; &lt;b&gt;" +
        $" \u0001\u0008\u000b\u001f\u007f \u202e\u200f\u202b {n}";

    /// <summary>
    /// The same text with every character that could mean something in HTML made a plain letter: as long as the
    /// hostile one and split alike (';' stays), so that views deriving anything from text do so alike for both.
    /// </summary>
    static string Plain(int n) => new(Hostile(n).Select(c => char.IsLetterOrDigit(c) || c is ';' or ' ' ? c : 'x').ToArray());

    [Theory]
    [MemberData(nameof(Pages))]
    public void No_element_or_attribute_of_a_page_comes_from_its_data(string template, Type model)
    {
        var pages = new PageRenderer();
        foreach (var flags in new[] { true, false })
        {
            var plain = Html.Parse(pages.Render(template, new ModelFiller(Plain, flags).Make(model), Plain(0)));
            var hostile = Html.Parse(pages.Render(template, new ModelFiller(Hostile, flags).Make(model), Hostile(0)));
            Assert.Empty(Injected(plain, hostile));
            Assert.Contains("<script>alert(", hostile.Body!.TextContent);
        }
    }

    [Theory]
    [MemberData(nameof(Partials))]
    public void No_element_or_attribute_of_a_partial_comes_from_its_data(string partial, Type model)
    {
        var pages = new PageRenderer();
        foreach (var flags in new[] { true, false })
        {
            var plain = Html.Parse(pages.RenderPartial(partial, new ModelFiller(Plain, flags).Make(model)).Html);
            var hostile = Html.Parse(pages.RenderPartial(partial, new ModelFiller(Hostile, flags).Make(model)).Html);
            Assert.Empty(Injected(plain, hostile));
            Assert.Equal(plain.Body!.TextContent.Contains("alert", StringComparison.Ordinal), hostile.Body!.TextContent.Contains("<script>alert(", StringComparison.Ordinal));
        }
    }

    /// <summary>The detector itself: with values written unencoded, every page and partial that shows data is caught.</summary>
    [Fact]
    public void With_encoding_switched_off_in_the_seam_every_page_and_partial_fails()
    {
        var unencoded = new PageRenderer(AppContext.BaseDirectory, text => text);
        foreach (var (template, model) in Cases(Pages))
        {
            var plain = Html.Parse(unencoded.Render(template, new ModelFiller(Plain, true).Make(model), Plain(0)));
            var hostile = Html.Parse(unencoded.Render(template, new ModelFiller(Hostile, true).Make(model), Hostile(0)));
            Assert.True(Injected(plain, hostile).Count > 0, $"{template} rendered unencoded passed the check");
        }

        foreach (var (partial, model) in Cases(Partials).Where(p => p.Name != "search-box"))
        {
            var plain = Html.Parse(unencoded.RenderPartial(partial, new ModelFiller(Plain, true).Make(model)).Html);
            var hostile = Html.Parse(unencoded.RenderPartial(partial, new ModelFiller(Hostile, true).Make(model)).Html);
            Assert.True(Injected(plain, hostile).Count > 0, $"{partial} rendered unencoded passed the check");
        }
    }

    [Fact]
    public void Every_template_is_covered()
    {
        var covered = Cases(Pages).Select(p => p.Name)
            .Concat(Cases(Partials).Select(p => $"Rendering/Partials/{p.Name}"))
            .Append("Rendering/Layout")
            .Order(StringComparer.Ordinal);
        var templates = Directory.EnumerateFiles(AppContext.BaseDirectory, "*" + PageRenderer.Extension, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(AppContext.BaseDirectory, f)[..^PageRenderer.Extension.Length].Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(templates, covered);
    }

    static IEnumerable<(string Name, Type Model)> Cases(TheoryData<string, Type> data) =>
        data.Select(row => ((string)row[0], (Type)row[1]));

    /// <summary>
    /// Where <paramref name="hostile"/> differs in its elements and attributes from <paramref name="plain"/>, the same
    /// page with plain text, and every URL attribute that data turned into a <c>javascript:</c> URL.
    /// </summary>
    internal static List<string> Injected(IDocument plain, IDocument hostile)
    {
        var expected = Skeleton(plain);
        var actual = Skeleton(hostile);
        var found = new List<string>();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var want = i < expected.Count ? expected[i] : "(none)";
            var got = i < actual.Count ? actual[i] : "(none)";
            if (want != got)
            {
                found.Add($"element {i}: expected {want}, got {got}");
                break;
            }
        }

        foreach (var element in hostile.All)
        {
            foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction"))
            {
                if (attribute.Value.TrimStart(' ', '\t', '\n', '\r', '\f', '\0', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f')
                    .StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"<{element.LocalName} {attribute.Name}=\"{attribute.Value[..Math.Min(40, attribute.Value.Length)]}…\">");
                }
            }
        }

        return found;
    }

    /// <summary>Each element in document order as its name and its attributes' names.</summary>
    static List<string> Skeleton(IDocument document) =>
        document.All.Select(e => $"<{e.LocalName} {string.Join(' ', e.Attributes.Select(a => a.Name))}>").ToList();

    /// <summary>
    /// Builds a model of any view-model type by reflection, so that a field added later is covered without editing
    /// this test: every string is <c>text(n)</c> with a fresh n, every flag is <c>flags</c>, every number 3, every list
    /// two items, every date 2024-01-26.
    /// </summary>
    sealed class ModelFiller(Func<int, string> text, bool flags)
    {
        int next = 1;

        public object Make(Type type) => Make(type, 0)!;

        object? Make(Type type, int depth)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return Make(underlying, depth);
            }

            if (type == typeof(string))
            {
                return text(next++);
            }

            if (type == typeof(TrustedHtml))
            {
                // The one trusted producer a model holds: Markdown, as the about pages render it.
                return TrustedHtml.FromMarkdown(text(next++));
            }

            if (type == typeof(bool))
            {
                return flags;
            }

            if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
            {
                return Convert.ChangeType(3, type, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (type == typeof(DateTime))
            {
                return new DateTime(2024, 1, 26, 0, 0, 0, DateTimeKind.Utc);
            }

            if (type == typeof(DateOnly))
            {
                return new DateOnly(2024, 1, 26);
            }

            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }

            if (type.IsArray)
            {
                var items = Array.CreateInstance(type.GetElementType()!, 2);
                items.SetValue(Make(type.GetElementType()!, depth + 1), 0);
                items.SetValue(Make(type.GetElementType()!, depth + 1), 1);
                return items;
            }

            if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            {
                var item = type.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
                list.Add(Make(item, depth + 1));
                list.Add(Make(item, depth + 1));
                return list;
            }

            if (typeof(Delegate).IsAssignableFrom(type) || depth > 8)
            {
                return null;
            }

            return Build(type, depth);
        }

        /// <summary>
        /// A member typed object is filled through a seam, with what the area behind it gives: the region page's
        /// timeliness summary (Records.RegionTimeliness) and a county's checks (Records.CountyAccountability).
        /// </summary>
        static Type SeamType(PropertyInfo property) => property.PropertyType != typeof(object) ? property.PropertyType : property.Name switch
        {
            "Disclosure" => typeof(DisclosureViews.Summary),
            "Checks" => typeof(CountyChecksView),
            _ => throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} is typed object: say here what fills it."),
        };

        object Build(Type type, int depth)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var instance = constructor.Invoke(constructor.GetParameters().Select(p => Make(p.ParameterType, depth + 1)).ToArray());
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { } setter && property.GetIndexParameters().Length == 0)
                {
                    setter.Invoke(instance, [Make(SeamType(property), depth + 1)]);
                }
            }

            return instance;
        }
    }
}
