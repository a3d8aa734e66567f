using LinkagePortal.About;
using LinkagePortal.Announcements;
using LinkagePortal.Documents;
using LinkagePortal.Home;
using LinkagePortal.Projects;
using LinkagePortal.Regions;
using LinkagePortal.Search;

namespace LinkagePortal;

/// <summary>
/// The pages for citizens: home, regions, projects, documents, announcements, search and the about pages. Beside
/// Program.cs, the one place that names every page area (the areas themselves name only shared folders).
/// </summary>
public static class PublicPages
{
    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder routes)
    {
        routes.MapHome();
        routes.MapRegions();
        routes.MapProjects();
        routes.MapDocuments();
        routes.MapAnnouncementPages();
        routes.MapSearch();
        routes.MapAbout();
        return routes;
    }
}
