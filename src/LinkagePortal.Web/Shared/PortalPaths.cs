namespace LinkagePortal;

/// <summary>
/// Where the repository's <c>content/</c> and <c>wwwroot/</c> are: beside the build when published, otherwise in the
/// checkout that holds LinkagePortal.sln (so that <c>dotnet run</c> and the tests use the one top-level copy).
/// </summary>
public sealed record PortalPaths(string Root)
{
    public string Content => Path.Combine(Root, "content");
    public string Data => Path.Combine(Content, "data");
    public string Pages => Path.Combine(Content, "pages");
    public string WebRoot => Path.Combine(Root, "wwwroot");

    public static PortalPaths Locate()
    {
        var published = AppContext.BaseDirectory;
        if (Directory.Exists(Path.Combine(published, "content")))
        {
            return new PortalPaths(published);
        }

        for (var dir = new DirectoryInfo(published); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LinkagePortal.sln")))
            {
                return new PortalPaths(dir.FullName);
            }
        }

        throw new InvalidOperationException($"Cannot find content/ beside {published} nor a checkout with LinkagePortal.sln above it.");
    }
}
