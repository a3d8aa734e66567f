using System.Text.Encodings.Web;
using System.Text.Json;
using LinkagePortal.Api;
using LinkagePortal.Keys;
using LinkagePortal.Records;
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

    /// <summary>API responses: camelCase, Chinese written as itself rather than \u escapes.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly ApiParam Region = new("region", ParamKind.Code, "只看这个区划（自治区 65、地区或县市代码）下的项目；默认全区。")
    {
        Pattern = "^[0-9]{2}([0-9]{2}([0-9]{2})?)?$",
        Example = "654202",
    };

    static readonly ApiParam Limit = new("limit", ParamKind.Integer, $"最多列出多少个项目，1–{RankedProjects}，默认 {RankedProjects}。")
    {
        Min = 1,
        Max = RankedProjects,
        Example = "10",
    };

    static readonly ApiParam Query = new("q", ParamKind.Text,
        $"村名、乡镇、项目名称的一部分、责任单位或项目编号（前缀），{ProjectLookup.MinQueryLength}–{ProjectLookup.MaxQueryLength} 个字。")
    {
        MaxLength = ProjectLookup.MaxQueryLength,
        MinLength = ProjectLookup.MinQueryLength,
        // At least two characters that are neither space nor control: what is left after trimming must be two long.
        Pattern = "^[^\\x00-\\x1F\\x7F-\\x9F]*[^\\s\\x00-\\x1F\\x7F-\\x9F][^\\x00-\\x1F\\x7F-\\x9F]*[^\\s\\x00-\\x1F\\x7F-\\x9F][^\\x00-\\x1F\\x7F-\\x9F]*$",
        Required = true,
        Example = "科克萨拉",
    };

    public sealed record HotlinePageModel(
        string Query, bool Searched, string? Error, IReadOnlyList<ProjectLookup.Result> Results, int MaxLength,
        IReadOnlyList<ComplaintCounts.CountyTotal> Counties)
    {
        public int Count => Results.Count;

        /// <summary>When nothing is found: the places the query names, each with nothing listed and its county's page.</summary>
        public IReadOnlyList<ProjectLookup.NamedPlace> NothingListedAt { get; init; } = [];

        public string? NothingFound => Searched && Error is null && Results.Count == 0 ? NothingFoundMessage(Query, NothingListedAt) : null;
    }

    /// <summary>The answer that finds no project, the same on the page, in the API and as the page's script shows it.</summary>
    public static string NothingFoundMessage(string query, IReadOnlyList<ProjectLookup.NamedPlace> places) => places.Count == 0
        ? $"没有找到与“{query}”有关的项目。可以只输入村名或项目名称中的两三个字再试。"
        : $"公开文件中没有列出位于{string.Join("、", places.Select(p => $"{p.Name}（{p.County}）"))}的项目。"
            + "所在县（市、区）的页面列出该县按文件收到的资金、已公布的项目和公告公示：";

    public sealed record CountyPageModel(ComplaintCounts.RegionRef Region, IReadOnlyList<ComplaintCounts.RankedProject> Projects, int Limit);

    /// <summary>The area's services (the keys and the audit log are Keys/'s: <c>AddApiKeys</c>).</summary>
    public static IServiceCollection AddHotline(this IServiceCollection services)
    {
        services.AddSingleton<ProjectLookup>();
        services.AddSingleton<Complaints>();
        services.AddSingleton<ComplaintCounts>();
        services.AddSingleton<ComplaintsChanged>();
        services.AddHostedService(sp => sp.GetRequiredService<ComplaintsChanged>());
        return services;
    }

    public static IEndpointRouteBuilder MapHotline(this IEndpointRouteBuilder routes)
    {
        var hotline = routes.MapGroup("/hotline");
        hotline.MapGet("", LookupPage);
        hotline.MapGet("/counties/{code}", CountyPage);

        routes.MapGet("/api/v1/lookup", LookupApi).WithFreshness().WithMetadata(new ApiOperation(
            "项目速查（监督热线）",
            "监督热线接听时用：按村名、乡镇、项目名称的一部分、责任单位或项目编号找到已公开的项目，最相关的在前，最多 20 个。"
            + "results 每项有 id、code（项目编号）、name、fiscalYear、amountWan、responsibleUnit、county、countyCode、places、matchedOn、url。"
            + "没有找到项目时 message 说明情况；查询是某个村、乡镇或县的名称时 nothingListedAt 列出这些地方（name、code、level、county、countyCode、"
            + "url、countyUrl：所在县的页面，有该县按文件收到的资金和已公布的项目），否则为空。",
            ResponseShape.Item, [Query]));
        routes.MapGet("/api/v1/projects/{project}/complaints", ProjectCountsApi).WithMetadata(new ApiOperation(
            "项目的投诉统计",
            "监督热线和纪检监察机关记录的、针对该项目的投诉件数：total、open（未办结）与 byStatus（received 已受理、under_review 核查中、"
            + "resolved 已办结、unfounded 经核查不属实）。只有数字，不含投诉内容。",
            ResponseShape.Item, [])
        {
            PathParameter = ("project", "项目编号（如 654202-2024-010）或项目页地址 /projects/{id} 中的数字 id。", "654202-2024-010"),
        });
        routes.MapGet("/api/v1/complaints", RankingApi).WithMetadata(new ApiOperation(
            "投诉统计：按未办结件数排列的项目",
            "有投诉记录的已公开项目，未办结（open）多的在前：每项 projectId、projectCode、projectName、countyCode、total、open、byStatus。"
            + "只有数字，不含投诉内容。记录投诉用 POST（需本单位密钥）。",
            ResponseShape.Item, [Region, Limit]));
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
        var model = new HotlinePageModel(query, query.Length > 0, error, results, ProjectLookup.MaxQueryLength, await counts.CountiesAsync())
        {
            NothingListedAt = error is null && query.Length > 0 && results.Count == 0 ? await lookup.PlacesNamedAsync(query, cancellationToken) : [],
        };
        return pages.Page("Hotline/HotlinePage", model, query.Length > 0 ? $"监督查询：{query}" : "监督查询", error is null ? 200 : 400);
    }

    static async Task<IResult> LookupApi(HttpContext http, ProjectLookup lookup, CancellationToken cancellationToken)
    {
        var parameters = ApiQuery.Parse(http);
        if (!parameters.IsValid)
        {
            return ApiProblems.BadRequest(parameters);
        }

        var query = (parameters.Text("q") ?? "").Trim();
        if (query.Length == 0)
        {
            return ApiProblems.BadRequest("q", "请给出要查找的内容：村名、乡镇、项目名称的一部分、责任单位或项目编号。");
        }

        if (ProjectLookup.Problem(query) is { } problem)
        {
            return ApiProblems.BadRequest("q", problem);
        }

        var results = await lookup.FindAsync(query, cancellationToken);
        var places = results.Count == 0 ? await lookup.PlacesNamedAsync(query, cancellationToken) : [];
        return Results.Json(new
        {
            query,
            message = results.Count == 0 ? NothingFoundMessage(query, places) : null,
            nothingListedAt = places.Select(p => new { p.Name, p.Code, p.Level, p.County, p.CountyCode, url = p.Url, countyUrl = p.CountyUrl }),
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
        }, Json);
    }

    static async Task<IResult> ProjectCountsApi(string project, HttpContext http, ComplaintCounts counts)
    {
        var parameters = ApiQuery.Parse(http);
        if (!parameters.IsValid)
        {
            return ApiProblems.BadRequest(parameters);
        }

        if (await counts.ForProjectAsync(project) is not { } found)
        {
            return ApiProblems.NotFound($"没有编号或 id 为 {project} 的已公开项目。");
        }

        // Counts move with every complaint recorded, not with the data version: never served from a cache unchecked.
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Json(new
        {
            projectId = found.Project.Id,
            projectCode = found.Project.Code,
            total = found.Counts.Total,
            open = found.Counts.Open,
            byStatus = found.Counts.ByStatus,
        }, Json);
    }

    static async Task<IResult> RankingApi(HttpContext http, ComplaintCounts counts)
    {
        var parameters = ApiQuery.Parse(http);
        if (!parameters.IsValid)
        {
            return ApiProblems.BadRequest(parameters);
        }

        var code = parameters.Text("region") ?? "65";
        if (await counts.RankAsync(code, (int)(parameters.Integer("limit") ?? RankedProjects)) is not { } ranked)
        {
            return ApiProblems.BadRequest("region", $"没有代码为 {code} 的自治区、地区或县市（区划代码见 /api/v1/regions）。");
        }

        http.Response.Headers.CacheControl = "no-cache";
        return Results.Json(new
        {
            region = new { ranked.Region.Code, ranked.Region.Name },
            items = ranked.Projects.Select(p => new
            {
                projectId = p.Id,
                projectCode = p.Code,
                projectName = p.Name,
                p.CountyCode,
                p.Total,
                p.Open,
                byStatus = p.Counts.ByStatus,
            }),
        }, Json);
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
