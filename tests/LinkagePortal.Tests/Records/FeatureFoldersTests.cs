using System.Reflection;
using System.Text.RegularExpressions;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Records;

/// <summary>
/// Features depend on the shared folders (Data, Records, Api, Rendering, Import, …), never on each other: a feature's
/// files name no other feature's namespace, whether by a using directive, a qualified name, or a member type.
/// </summary>
public sealed class FeatureFoldersTests
{
    static readonly string[] Features = ["About", "Announcements", "Changes", "Disclosure", "Documents", "Home", "Hotline", "OpenData", "Projects", "Publishing", "Regions", "Search"];

    static readonly Assembly Web = typeof(LinkagePortal.Records.RegionCodes).Assembly;

    [Fact]
    public void No_feature_file_names_another_feature()
    {
        var source = Path.Combine(TestDatabase.Paths.Root, "src", "LinkagePortal.Web");
        var typeNames = Features.ToDictionary(f => f, f => Web.GetTypes()
            .Where(t => t.Namespace == "LinkagePortal." + f && !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.Name.Split('`')[0]).Distinct().ToList());
        var found = new List<string>();
        foreach (var feature in Features)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, feature), "*.cs", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                foreach (var other in Features.Where(f => f != feature))
                {
                    var qualified = new Regex(@$"\bLinkagePortal\.{other}\b");
                    var shortQualified = typeNames[other].Count == 0
                        ? null
                        : new Regex(@$"(?<![\w.]){other}\.({string.Join('|', typeNames[other])})\b");
                    if (qualified.IsMatch(text) || (shortQualified?.IsMatch(text) ?? false))
                    {
                        found.Add($"{Path.GetRelativePath(source, file)} → {other}");
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "Feature folders that reach into another feature:\n" + string.Join("\n", found.Distinct()));
    }

    [Fact]
    public void No_feature_type_exposes_another_features_type()
    {
        var found = new List<string>();
        foreach (var type in Web.GetTypes().Where(t => FeatureOf(t) is not null))
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var member in members)
            {
                var used = member switch
                {
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                    ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                    _ => Enumerable.Empty<Type>(),
                };
                foreach (var other in used.SelectMany(Unwrap).Where(t => FeatureOf(t) is { } f && f != FeatureOf(type)))
                {
                    found.Add($"{type.FullName}.{member.Name} → {other.FullName}");
                }
            }
        }

        Assert.True(found.Count == 0, "Feature types that use another feature's types:\n" + string.Join("\n", found.Distinct()));
    }

    /// <summary>The feature a type belongs to, by its namespace; null for the shared folders.</summary>
    static string? FeatureOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("LinkagePortal.", StringComparison.Ordinal)
            ? Features.FirstOrDefault(f => ns == "LinkagePortal." + f || ns.StartsWith("LinkagePortal." + f + ".", StringComparison.Ordinal))
            : null;

    static IEnumerable<Type> Unwrap(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type)
        : type.HasElementType ? Unwrap(type.GetElementType()!)
        : [type];
}
