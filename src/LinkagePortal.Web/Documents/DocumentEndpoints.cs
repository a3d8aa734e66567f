using LinkagePortal.Rendering;

namespace LinkagePortal.Documents;

/// <summary><c>/documents/{id}</c>, by the document's short stable id (xcz-2024-9).</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/documents/{id}", async (string id, Db db, PageRenderer pages, TimeProvider clock) =>
        {
            var model = await DocumentPage.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime);
            return model is null
                ? ErrorPages.NotFound(pages, $"没有编号为“{id}”的文件。")
                : pages.Page("Documents/DocumentPage", model, model.Document.Name);
        }).CachedAs(PageCache.Page);
        return routes;
    }
}
