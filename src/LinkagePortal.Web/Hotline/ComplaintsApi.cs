using LinkagePortal.Api;
using LinkagePortal.Keys;
using LinkagePortal.Records;

namespace LinkagePortal.Hotline;

/// <summary>
/// <c>POST /api/v1/complaints</c> and <c>POST /api/v1/complaints/{id}/status</c>, for hotline and discipline-inspection
/// staff with an organisation's key (<see cref="ApiKeyAuthentication"/>). Order of refusals: no or unknown key 401
/// (429 after repeated failures), a body that is not JSON 415, too large 413, too slow 408, malformed 400 (naming the
/// field), a project outside the key's counties or another organisation's complaint 403 (written to the audit log);
/// only then is anything written. A replay under the same case reference returns the recorded complaint, and is
/// refused with 409 when it differs from it.
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
        var complaints = routes.MapGroup("/api/v1/complaints").RequireAuthorization(ApiKeyAuthentication.Complaints);
        complaints.MapPost("", Record)
            .Accepts<Complaints.NewComplaint>("application/json")
            .Produces<Complaints.Complaint>()
            .WithMetadata(new ApiOperation("记录一件投诉",
                $"监督热线或纪检监察机关用本单位密钥记录一件投诉。summary 最多 {MaxSummary} 字，不得含电话号码或身份证号；category 最多 {MaxCategory} 字；"
                + $"caseReference 是本单位的案件编号（最多 {MaxCaseReference} 字）：同一编号再次提交相同内容返回 200 和原记录，内容不同返回 409。"
                + "channel：" + string.Join("、", ComplaintChannel.All) + "。", ResponseShape.Write, [])
            {
                Body = typeof(Complaints.NewComplaint),
                Answer = typeof(Complaints.Complaint),
                Refusals = Refusals,
            });
        complaints.MapPost("/{id:long}/status", Move)
            .Accepts<StatusChange>("application/json")
            .Produces<Complaints.Complaint>()
            .WithMetadata(new ApiOperation("改变投诉的办理状态",
                "只有记录投诉的单位可以改变其状态：received → under_review → resolved 或 unfounded；reason 说明理由（最多 " + MaxReason + " 字）。",
                ResponseShape.Write, [])
            {
                Body = typeof(StatusChange),
                Answer = typeof(Complaints.Complaint),
                Refusals = Refusals,
            });
        return routes;
    }

    /// <summary>The body of a status change, as the OpenAPI document describes it (the handler reads it field by field).</summary>
    public sealed record StatusChange(string Status, string Reason);

    static readonly IReadOnlyList<(int, string)> Refusals =
    [
        (401, "没有密钥、密钥错误或已吊销。"),
        (403, "项目不在本单位所辖县，或投诉由另一单位记录（记入审计日志）。"),
        (408, "请求体未在 10 秒内传完。"),
        (409, "同一案件编号已记录了不同内容，或状态刚被改动。"),
        (413, "请求体超过 16 KB。"),
        (415, "请求体不是 Content-Type: application/json。"),
    ];

    static async Task<IResult> Record(HttpContext http, Complaints complaints, ComplaintsChanged changed, AuditLog audit, TimeProvider clock)
    {
        var caller = ApiKeyAuthentication.Caller(http.User);
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
            return await RefusedAsync(audit, caller, "project", project.Code, OutsideCounties(caller, project.Code), http.RequestAborted);
        }

        var (outcome, recorded) = await complaints.RecordAsync(caller, complaint);
        if (outcome == Complaints.Outcome.Created)
        {
            await changed.EvictAsync(recorded.ProjectId, recorded.CountyCode, http.RequestAborted);
        }

        return outcome switch
        {
            Complaints.Outcome.Created => Created(http, recorded),
            Complaints.Outcome.AlreadyRecorded => Results.Json(recorded, HotlineEndpoints.Json),
            _ => Results.Problem(
                title: "案件编号已被使用",
                detail: $"caseReference: {caller.Organisation} 已用案件编号 {recorded.CaseReference} 记录了对项目 {recorded.ProjectCode} 的投诉（id {recorded.Id}），"
                    + $"这次提交的 {string.Join("、", Complaints.Differences(recorded, complaint))} 与之不同：同一案件编号只能重复提交完全相同的内容。",
                statusCode: StatusCodes.Status409Conflict),
        };
    }

    static async Task<IResult> Move(long id, HttpContext http, Complaints complaints, ComplaintsChanged changed, AuditLog audit)
    {
        var caller = ApiKeyAuthentication.Caller(http.User);
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

        if (complaint.OrganisationId != caller.OrganisationId)
        {
            return await RefusedAsync(audit, caller, "complaint", complaint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"投诉 {complaint.Id} 由另一单位记录，只有记录它的单位可以改变其状态。", http.RequestAborted);
        }

        if (!caller.Covers(complaint.CountyCode))
        {
            return await RefusedAsync(audit, caller, "project", complaint.ProjectCode, OutsideCounties(caller, complaint.ProjectCode), http.RequestAborted);
        }

        var (outcome, moved) = await complaints.MoveAsync(caller, complaint, to, reason);
        if (outcome == Complaints.Outcome.Moved)
        {
            await changed.EvictAsync(complaint.ProjectId, complaint.CountyCode, http.RequestAborted);
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

    static string OutsideCounties(ApiCaller caller, string projectCode) =>
        $"{caller.Organisation} 的密钥只能用于 {string.Join("、", caller.Regions)} 的项目；项目 {projectCode} 不在其中。";

    /// <summary>A 403, counted in the audit log (who was refused what, and why).</summary>
    static async Task<IResult> RefusedAsync(AuditLog audit, ApiCaller caller, string entity, string entityId, string reason, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEntry(caller.Organisation, caller.KeyId, "refused", entity, entityId, null, new { status = 403, reason }), cancellationToken);
        return Results.Problem(title: "无权进行此操作", detail: reason, statusCode: StatusCodes.Status403Forbidden);
    }
}
