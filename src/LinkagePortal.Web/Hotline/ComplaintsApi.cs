using LinkagePortal.Api;
using LinkagePortal.Records;

namespace LinkagePortal.Hotline;

/// <summary>
/// <c>POST /api/v1/complaints</c> and <c>POST /api/v1/complaints/{id}/status</c>, for hotline and discipline-inspection
/// staff with an organisation's key. Order of refusals: no or unknown key 401, malformed body 400 (naming the field),
/// a project outside the key's counties 403; only then is anything written.
/// </summary>
public static class ComplaintsApi
{
    public const int MaxSummary = 500;
    public const int MaxReason = 500;
    public const int MaxCategory = 50;
    public const int MaxCaseReference = 100;

    // A received time a little ahead of this server's clock is the caller's clock, not the future.
    static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder routes)
    {
        var complaints = routes.MapGroup("/api/v1/complaints");
        complaints.MapPost("", Record);
        complaints.MapPost("/{id:long}/status", Move);
        return routes;
    }

    static async Task<IResult> Record(HttpContext http, ApiKeys keys, Complaints complaints, ComplaintsChanged changed, TimeProvider clock)
    {
        if (await keys.AuthenticateAsync(http.Request, http.RequestAborted) is not { } caller)
        {
            return Unauthorized(http);
        }

        var (body, problem) = await RequestBody.ReadAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return problem!;
        }

        var complaint = new Complaints.NewComplaint(
            body.Id("projectId"),
            body.Time("receivedAt", clock.GetUtcNow().UtcDateTime, ClockTolerance),
            body.OneOf("channel", ComplaintChannel.All),
            body.Text("category", "类别", MaxCategory),
            body.Text("summary", "摘要", MaxSummary),
            body.Text("caseReference", "案件编号", MaxCaseReference));
        body.RefuseUnknownFields();
        if (body.Errors.Count > 0)
        {
            return body.Problem();
        }

        if (await complaints.ListedProjectAsync(complaint.ProjectId) is not { } project)
        {
            return RequestBody.Invalid("projectId", $"没有 id 为 {complaint.ProjectId} 的已公开项目。");
        }

        if (!caller.Covers(project.CountyCode))
        {
            return Forbidden(caller, project.Code);
        }

        var (outcome, recorded) = await complaints.RecordAsync(caller, complaint);
        if (outcome == Complaints.Outcome.Created)
        {
            await changed.EvictAsync(http.RequestAborted);
        }

        return outcome switch
        {
            Complaints.Outcome.Created => Created(http, recorded),
            Complaints.Outcome.AlreadyRecorded => Results.Json(recorded, HotlineEndpoints.Json),
            _ => Results.Problem(
                title: "案件编号已被使用",
                detail: $"caseReference: {caller.Organisation} 已用案件编号 {recorded.CaseReference} 记录了对项目 {recorded.ProjectCode} 的投诉（id {recorded.Id}），不能再用于另一个项目。",
                statusCode: StatusCodes.Status409Conflict),
        };
    }

    static async Task<IResult> Move(long id, HttpContext http, ApiKeys keys, Complaints complaints, ComplaintsChanged changed)
    {
        if (await keys.AuthenticateAsync(http.Request, http.RequestAborted) is not { } caller)
        {
            return Unauthorized(http);
        }

        var (body, problem) = await RequestBody.ReadAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return problem!;
        }

        var to = body.OneOf("status", ComplaintStatus.All);
        var reason = body.Text("reason", "理由", MaxReason);
        body.RefuseUnknownFields();
        if (body.Errors.Count > 0)
        {
            return body.Problem();
        }

        if (await complaints.FindAsync(id) is not { } complaint)
        {
            return Results.Problem(title: "投诉不存在", detail: $"没有 id 为 {id} 的投诉记录。", statusCode: StatusCodes.Status404NotFound);
        }

        if (!caller.Covers(complaint.CountyCode))
        {
            return Forbidden(caller, complaint.ProjectCode);
        }

        var (outcome, moved) = await complaints.MoveAsync(caller, complaint, to, reason);
        if (outcome == Complaints.Outcome.Moved)
        {
            await changed.EvictAsync(http.RequestAborted);
        }

        return outcome switch
        {
            Complaints.Outcome.Moved or Complaints.Outcome.Unchanged => Results.Json(moved, HotlineEndpoints.Json),
            Complaints.Outcome.IllegalMove => RequestBody.Invalid("status", IllegalMove(complaint.Status, to)),
            _ => Results.Problem(
                title: "状态已被改动",
                detail: $"status: 投诉 {id} 的状态刚被改为 {moved.Status}，请重新读取后再提交。",
                statusCode: StatusCodes.Status409Conflict),
        };
    }

    static IResult Created(HttpContext http, Complaints.Complaint complaint)
    {
        http.Response.Headers.Location = $"/api/v1/complaints/{complaint.Id}";
        return Results.Json(complaint, HotlineEndpoints.Json, statusCode: StatusCodes.Status201Created);
    }

    static string IllegalMove(string from, string to)
    {
        var allowed = ComplaintStatus.AllowedAfter(from);
        return allowed.Count == 0
            ? $"投诉已是 {from}（{ComplaintStatus.Chinese(from)}），不能再改为 {to}。"
            : $"投诉现为 {from}（{ComplaintStatus.Chinese(from)}），只能改为 {string.Join(" 或 ", allowed)}，不能直接改为 {to}。";
    }

    static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(
            title: "需要有效的 API 密钥",
            detail: "请在 Authorization: Bearer <密钥> 或 X-Api-Key 请求头中给出本单位的密钥；密钥由平台管理员用 keys create 命令签发。",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    static IResult Forbidden(ApiCaller caller, string projectCode) => Results.Problem(
        title: "不在本密钥的辖区内",
        detail: $"{caller.Organisation} 的密钥只能用于 {string.Join("、", caller.Regions)} 的项目；项目 {projectCode} 不在其中。",
        statusCode: StatusCodes.Status403Forbidden);
}
