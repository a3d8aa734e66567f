using LinkagePortal.Commands;
using LinkagePortal.Rendering;

namespace LinkagePortal.Hotline;

/// <summary>
/// The supervisory hotline's area: the lookup an operator uses during a call (<c>/hotline</c>, and
/// <c>/api/v1/lookup</c> behind its as-you-type results), the QR code of a project's page, the complaints write API
/// for hotline and discipline-inspection staff, and the public complaint counts.
/// </summary>
public static class HotlineEndpoints
{
    const int RankedProjects = 200;

    public sealed record HotlinePageModel(
        string Query, bool Searched, string? Error, IReadOnlyList<ProjectLookup.Result> Results, int MaxLength,
        IReadOnlyList<ComplaintCounts.CountyTotal> Counties)
    {
        public int Count => Results.Count;
    }

    public sealed record CountyPageModel(ComplaintCounts.RegionRef Region, IReadOnlyList<ComplaintCounts.RankedProject> Projects, int Limit);

    /// <summary>The area's services, and the <c>keys</c> command.</summary>
    public static IServiceCollection AddHotline(this IServiceCollection services)
    {
        services.AddSingleton<ProjectLookup>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<Complaints>();
        services.AddSingleton<ComplaintCounts>();
        Commands.Commands.Register("keys", KeyCommands.Run);
        return services;
    }

    public static IEndpointRouteBuilder MapHotline(this IEndpointRouteBuilder routes)
    {
        var hotline = routes.MapGroup("/hotline");
        hotline.MapGet("", LookupPage);
        hotline.MapGet("/counties/{code}", CountyPage);

        routes.MapGet("/api/v1/lookup", LookupApi);
        routes.MapGet("/api/v1/projects/{id:long}/complaints", ProjectCountsApi);
        routes.MapComplaintsApi();
        routes.MapProjectQrCode();
        return routes;
    }

    // Works with JavaScript off: the form is a plain GET to this page, which renders the results itself.
    static async Task<IResult> LookupPage(string? q, ProjectLookup lookup, ComplaintCounts counts, PageRenderer pages, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        var error = query.Length > 0 ? ProjectLookup.Problem(query) : null;
        var results = error is null && query.Length > 0 ? await lookup.FindAsync(query, cancellationToken) : [];
        var model = new HotlinePageModel(query, query.Length > 0, error, results, ProjectLookup.MaxQueryLength, await counts.CountiesAsync());
        return pages.Page("Hotline/HotlinePage", model, query.Length > 0 ? $"监督查询：{query}" : "监督查询", error is null ? 200 : 400);
    }

    static async Task<IResult> LookupApi(string? q, ProjectLookup lookup, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length == 0)
        {
            return RequestBody.Invalid("q", "请给出要查找的内容：村名、乡镇、项目名称的一部分、责任单位或项目编号。");
        }

        if (ProjectLookup.Problem(query) is { } problem)
        {
            return RequestBody.Invalid("q", problem);
        }

        var results = await lookup.FindAsync(query, cancellationToken);
        return Results.Ok(new
        {
            query,
            results = results.Select(r => new
            {
                r.Id,
                r.Code,
                r.Name,
                r.FiscalYear,
                r.AmountWan,
                r.ResponsibleUnit,
                r.County,
                r.CountyCode,
                places = r.Places.Select(p => new { p.Name, p.RegionCode }),
                r.MatchedOn,
                url = $"/projects/{r.Id}",
            }),
        });
    }

    static async Task<IResult> ProjectCountsApi(long id, ComplaintCounts counts)
    {
        if (await counts.ForProjectAsync(id) is not { } found)
        {
            return Results.Problem(title: "项目不存在", detail: $"没有 id 为 {id} 的已公开项目。", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Ok(new
        {
            projectId = found.Project.Id,
            projectCode = found.Project.Code,
            total = found.Counts.Total,
            open = found.Counts.Open,
            byStatus = found.Counts.ByStatus,
        });
    }

    static async Task<IResult> CountyPage(string code, ComplaintCounts counts, PageRenderer pages)
    {
        if (await counts.RankAsync(code, RankedProjects) is not { } ranked)
        {
            return ErrorPages.NotFound(pages, "没有这个县市代码。请从监督查询页选择县市，例如 /hotline/counties/654202。");
        }

        return pages.Page("Hotline/CountyPage", new CountyPageModel(ranked.Region, ranked.Projects, RankedProjects), $"{ranked.Region.Name}项目投诉统计");
    }
}
