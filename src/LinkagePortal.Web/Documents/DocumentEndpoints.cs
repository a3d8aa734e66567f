using LinkagePortal.Rendering;

namespace LinkagePortal.Documents;

/// <summary><c>/documents</c> (every public document, newest first) and <c>/documents/{id}</c>, by the document's short stable id (xcz-2024-9).</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapRecordPages("/documents",
            new ListPage<DocumentList>("Documents/DocumentListPage", "资金文件", async request =>
            {
                await using var connection = await request.Db.OpenAsync();
                return new DocumentList(await DocumentRecords.NewestFirstAsync(connection, request.Now));
            }),
            new RecordPage<DocumentPage.Model>("Documents/DocumentPage", "文件",
                (request, id) => DocumentPage.LoadAsync(request.Db, id, request.Now), model => model.Document.Name));
        return routes;
    }
}

/// <summary>The model of <c>/documents</c>.</summary>
public sealed record DocumentList(IReadOnlyList<DocumentRecord> Documents);
