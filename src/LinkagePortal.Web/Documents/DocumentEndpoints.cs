using LinkagePortal.Rendering;

namespace LinkagePortal.Documents;

/// <summary><c>/documents</c> (every public document, newest first) and <c>/documents/{id}</c>, by the document's short stable id (xcz-2024-9).</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/documents").CachedAs(PageCache.Page);

        group.MapGet("", async (Db db, PageRenderer pages, TimeProvider clock) =>
        {
            await using var connection = await db.OpenAsync();
            var documents = await DocumentRecords.NewestFirstAsync(connection, clock.GetUtcNow().UtcDateTime);
            return pages.Page("Documents/DocumentListPage", new DocumentList(documents), "资金文件");
        });

        group.MapGet("/{id}", async (string id, Db db, PageRenderer pages, TimeProvider clock) =>
        {
            var model = await DocumentPage.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime);
            return model is null
                ? ErrorPages.NotFound(pages, $"没有编号为“{id}”的文件。")
                : pages.Page("Documents/DocumentPage", model, model.Document.Name);
        });
        return routes;
    }
}

/// <summary>The model of <c>/documents</c>.</summary>
public sealed record DocumentList(IReadOnlyList<DocumentRecord> Documents);
