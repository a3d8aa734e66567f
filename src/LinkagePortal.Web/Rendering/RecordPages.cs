using LinkagePortal.Hosting;

namespace LinkagePortal.Rendering;

/// <summary>
/// What a record page's loader is given: the database, the time that decides what is public, and the portal's public
/// address (<c>Portal:PublicBaseUrl</c>, never the request's Host) for addresses printed on the page.
/// </summary>
public sealed record PageRequest(Db Db, DateTime Now, string PublicBaseUrl);

/// <summary>The list page of a kind of record: its template, its title and how its model is read.</summary>
public sealed record ListPage<TModel>(string Template, string Title, Func<PageRequest, Task<TModel>> Load) where TModel : notnull;

/// <summary>
/// The page of one record by its stable id: its template, what the record is called (for the 404 page), how its model
/// is read (null when there is no such public record) and the page's title.
/// </summary>
public sealed record RecordPage<TModel>(string Template, string Noun, Func<PageRequest, string, Task<TModel?>> Load, Func<TModel, string> Title)
    where TModel : class;

public static class RecordPages
{
    /// <summary>
    /// A kind of record's pages, cached as pages: the list at <paramref name="path"/> and each record at
    /// <c>{path}/{id}</c>; an id with no public record answers the 404 page naming it. Returns the group, for the
    /// kind's further addresses.
    /// </summary>
    public static RouteGroupBuilder MapRecordPages<TList, TRecord>(this IEndpointRouteBuilder routes, string path, ListPage<TList> list, RecordPage<TRecord> record)
        where TList : notnull where TRecord : class
    {
        var group = routes.MapGroup(path).CachedAs(PageCache.Page);
        group.MapGet("", async (Db db, PageRenderer pages, TimeProvider clock, PublicBaseUrl baseUrl) =>
            pages.Page(list.Template, await list.Load(new PageRequest(db, clock.GetUtcNow().UtcDateTime, baseUrl.Value)), list.Title));
        group.MapGet("/{id}", async (string id, Db db, PageRenderer pages, TimeProvider clock, PublicBaseUrl baseUrl) =>
            await record.Load(new PageRequest(db, clock.GetUtcNow().UtcDateTime, baseUrl.Value), id) is { } model
                ? pages.Page(record.Template, model, record.Title(model))
                : ErrorPages.NotFound(pages, $"没有编号为“{id}”的{record.Noun}。"));
        return group;
    }
}
