using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using LinkagePortal.Api;
using LinkagePortal.Import;
using LinkagePortal.Keys;
using Microsoft.AspNetCore.Authentication;

namespace LinkagePortal.Publishing;

/// <summary>
/// <c>POST /api/v1/publications</c>: a county finance bureau publishes an announcement with its projects through the
/// portal, with a key of scope <c>publish</c> for its counties. Refusals, in order: no or unknown key 401, a key of
/// another scope 403, a body that is not JSON 415, too large 413, malformed 400 naming each field by its path, a county
/// outside the key's 403 (in the audit log), the same reference with a different body 409. The rows are then checked
/// and written as an import is, in one transaction with the publication's own record and its audit entry. The portal
/// stamps the publication time itself: the time received, whatever the body claims, or a future <c>scheduledAt</c>
/// (until then the records are embargoed like any other, and the publisher reads its draft at
/// <c>GET /api/v1/publications/{reference}/preview</c> with its key). Records published so are marked <c>published_via =
/// 'portal'</c>: their times are the server's, not printed ones. A correction (<c>correction</c>: the record, the fields
/// and a reason) rewrites the stored record with those fields through the same path and leaves a version with the
/// reason; the record keeps its publication time.
/// </summary>
public static class PublicationsApi
{
    public const int MaxBytes = 512 * 1024;
    const string Portal = "portal";

    const string Stored = """
        SELECT reference, kind, county_code, record_type, record_id, received_at, published_at, claimed_at, body
        FROM publications WHERE organisation_id = @organisationId AND reference = @reference
        """;

    const string Insert = """
        INSERT INTO publications (organisation_id, reference, key_id, kind, county_code, record_type, record_id, received_at, published_at, claimed_at, body)
        VALUES (@organisationId, @reference, @keyId, @kind, @countyCode, @recordType, @recordId, @receivedAt, @publishedAt, @claimedAt, @body)
        """;

    // A corrected record as its data file has it; withdrawn records are not corrected.
    const string ProjectAsFile = """
        SELECT p.code, p.programme, p.fiscal_year, p.name, p.county_code, p.amount_yuan, p.printed_text, p.derivation, p.responsible_unit, p.category,
               p.construction_content, p.status, p.spent_yuan, p.source_document_id, p.source_table, p.row_no, p.arose_on, p.published_at, p.note
        FROM projects p WHERE p.code = @id AND p.withdrawn_at IS NULL
        """;

    const string FundsOf = "SELECT f.document_id FROM project_funds f JOIN projects p ON p.id = f.project_id WHERE p.code = @id ORDER BY f.document_id";

    const string AnnouncementAsFile = """
        SELECT a.id, a.title, a.county_code, a.publisher, a.arose_on, a.published_at, a.body, a.source_document_id, a.note
        FROM announcements a WHERE a.id = @id AND a.withdrawn_at IS NULL
        """;

    const string CountyOfProject = "SELECT county_code FROM projects WHERE code = @id";
    const string CountyOfAnnouncement = "SELECT county_code FROM announcements WHERE id = @id";

    const string MarkAnnouncement = "UPDATE announcements SET published_via = @portal WHERE id = @id";
    const string MarkProjects = "UPDATE projects SET published_via = @portal WHERE code IN @codes";

    sealed record StoredPublication
    {
        public required string Reference { get; init; }
        public required string Kind { get; init; }
        public required string CountyCode { get; init; }
        public required string RecordType { get; init; }
        public required string RecordId { get; init; }

        /// <summary>The record's address on the site (public from <see cref="PublishedAt"/>).</summary>
        public string Url => $"/{RecordType}/{RecordId}";

        public DateTime ReceivedAt { get; init; }

        /// <summary>Stamped by the server: the time received, or the later time the publisher scheduled.</summary>
        public DateTime PublishedAt { get; init; }

        public bool IsPublicAt(DateTime now) => DateTime.SpecifyKind(PublishedAt, DateTimeKind.Utc) <= now;

        /// <summary>The time the body claimed, kept as evidence and never used.</summary>
        public DateTime? ClaimedAt { get; init; }

        /// <summary>The JSON as the publisher sent it (a replay must match it).</summary>
        public required string Body { get; init; }
    }

    public static IEndpointRouteBuilder MapPublishing(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(ApiRoutes.Prefix + "/publications", Publish)
            .RequireAuthorization(ApiKeyAuthentication.Publish)
            .WithName("Publish")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status201Created)
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new ApiOperation("通过本站发布公告公示",
                "县级财政部门用 publish 用途的密钥发布一则公告公示及其所列项目（建设地点、资金来源文件、绩效目标），或更正一条已发布的记录（correction：recordType、recordId、reason、fields）。"
                + "发布时间由本站记录；scheduledAt 为将来时间时到时公开。同一 reference 再次提交相同内容返回 200，内容不同返回 409。",
                ResponseShape.Write, [])
            {
                Body = typeof(JsonElement),
                Tag = "publishing",
                Refusals =
                [
                    (401, "没有密钥、密钥错误或已吊销。"),
                    (403, "密钥不是 publish 用途，或县不在本单位所辖范围（记入审计日志）。"),
                    (408, "请求体未在 10 秒内传完。"),
                    (409, "同一 reference 已发布了不同内容。"),
                    (413, "请求体过大。"),
                    (415, "请求体不是 Content-Type: application/json。"),
                ],
            });

        // The draft is read with the key; the query is checked first, as on every /api/v1 GET.
        routes.MapGet(ApiRoutes.Prefix + "/publications/{reference}/preview", Draft)
            .WithName("PublicationDraft")
            .WithMetadata(new ApiOperation("一次发布（发布单位用密钥查看）", "发布单位用自己的 publish 密钥查看一次发布：收到的内容、本站记录的发布时间、是否已公开。定时发布在公开前只有发布单位能看到。",
                ResponseShape.Item, []) { PathParameter = ("reference", "发布单位给这次发布的编号。", "WS-2026-001"), NeedsKey = true, Tag = "publishing" });
        return routes;
    }

    static async Task<IResult> Publish(HttpContext http, Importer importer, AuditLog audit, Db db, TimeProvider clock)
    {
        var caller = ApiKeyAuthentication.Caller(http.User);
        var (body, problem) = await RequestBody.ReadAsync(http.Request, RequestBody.ReadTimeout, MaxBytes, http.RequestAborted);
        if (body is null)
        {
            return problem!;
        }

        var publication = Publication.Read(body.Root);
        if (publication.Errors.Count > 0)
        {
            return RequestBody.Problem(publication.Errors);
        }

        IReadOnlyList<string> counties = [publication.CountyCode, .. publication.ProjectCounties];
        if (publication.Kind == "correction")
        {
            if (await StoredRecordAsync(db, publication.RecordType, publication.RecordId) is not { } stored)
            {
                return RequestBody.Invalid("correction.recordId", $"没有 id 为 {publication.RecordId} 的{(publication.RecordType == "projects" ? "项目" : "公告公示")}。");
            }

            publication.Correct(stored);
            counties = [stored["county_code"]!];
        }

        var outside = counties.Where(c => c.Length > 0 && !caller.Covers(c)).Distinct().ToList();
        if (outside.Count > 0)
        {
            var reason = $"{caller.Organisation} 的密钥只能发布和更正 {string.Join("、", caller.Regions)} 的公告和项目；{string.Join("、", outside)} 不在其中。";
            await audit.AppendAsync(new AuditEntry(caller.Organisation, caller.KeyId, "refused", "publication", publication.Reference, null, new { status = 403, reason }), http.RequestAborted);
            return Results.Problem(title: "无权发布", detail: reason, statusCode: StatusCodes.Status403Forbidden);
        }

        var text = body.Root.GetRawText();
        if (await FindAsync(db, caller.OrganisationId, publication.Reference) is { } earlier)
        {
            return Replay(earlier, text, clock);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var publishedAt = publication.ScheduledAt is { } scheduled && scheduled > now ? scheduled : now;
        if (publication.Kind == "announcement")
        {
            publication.Stamp(publishedAt);
        }

        var directory = Path.Combine(Path.GetTempPath(), "linkage-publications", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var paths = publication.Files.Select(f =>
            {
                var path = Path.Combine(directory, f.Dataset + ".csv");
                File.WriteAllText(path, f.Csv());
                return path;
            }).ToList();
            importer.Import(paths, new VersionWriter(now, publication.Reason)
            {
                Publisher = caller.Organisation,
                Committing = context => Record(context, audit, caller, publication, text, now, publishedAt),
            });
        }
        catch (ImportRejectedException e)
        {
            var errors = e.Errors.GroupBy(x => publication.FieldOf(x.File, x.Line, x.Column))
                .ToDictionary(g => g.Key, g => g.Select(x => x.Reason).ToArray(), StringComparer.Ordinal);
            return RequestBody.Problem(errors);
        }
        catch (DbException)
        {
            // The same reference published at the same moment by another request (the unique index): answer as its replay.
            if (await FindAsync(db, caller.OrganisationId, publication.Reference) is { } concurrent)
            {
                return Replay(concurrent, text, clock);
            }

            throw;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        http.Response.Headers.Location = $"{ApiRoutes.Prefix}/publications/{Uri.EscapeDataString(publication.Reference)}/preview";
        var recorded = (await FindAsync(db, caller.OrganisationId, publication.Reference))!;
        return Results.Json(Describe(recorded, clock), AuditLog.Json, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>In the import's transaction: the publication's own record, the portal's mark on what it published, its audit entry.</summary>
    static void Record(ImportContext context, AuditLog audit, ApiCaller caller, Publication publication, string body, DateTime now, DateTime publishedAt)
    {
        context.Connection.Execute(Insert, new
        {
            organisationId = caller.OrganisationId, reference = publication.Reference, keyId = caller.KeyId, kind = publication.Kind,
            countyCode = publication.Kind == "correction" ? context.Connection.ExecuteScalar<string>(CountyOf(publication.RecordType), new { id = publication.RecordId }, context.Transaction)
                : publication.CountyCode,
            recordType = publication.RecordType, recordId = publication.RecordId, receivedAt = now, publishedAt, claimedAt = publication.ClaimedAt, body,
        }, context.Transaction);
        if (publication.Kind == "announcement")
        {
            context.Connection.Execute(MarkAnnouncement, new { portal = Portal, id = publication.AnnouncementId }, context.Transaction);
            context.Connection.Execute(MarkProjects, new { portal = Portal, codes = publication.ProjectCodes }, context.Transaction);
        }

        // The importer's transaction is synchronous; the audit log's append is written for async callers.
        var action = publication.Kind == "correction" ? "publication.correct" : "publication.publish";
        var after = new
        {
            reference = publication.Reference, publishedAt, receivedAt = now, claimedAt = publication.ClaimedAt, reason = publication.Reason,
            projects = publication.ProjectCodes, corrected = publication.Corrected,
        };
        audit.AppendAsync(context.Connection, context.Transaction,
            new AuditEntry(caller.Organisation, caller.KeyId, action, publication.RecordType, publication.RecordId, null, after)).GetAwaiter().GetResult();
    }

    static string CountyOf(string recordType) => recordType == "projects" ? CountyOfProject : CountyOfAnnouncement;

    /// <summary>A stored project or announcement as its data file writes it (amounts in 万元, dates and times as in the files).</summary>
    static async Task<IReadOnlyDictionary<string, string?>?> StoredRecordAsync(Db db, string recordType, string id)
    {
        await using var connection = await db.OpenAsync();
        if (await connection.QuerySingleOrDefaultAsync(recordType == "projects" ? ProjectAsFile : AnnouncementAsFile, new { id }) is not IDictionary<string, object?> row)
        {
            return null;
        }

        var values = row.ToDictionary(c => c.Key.EndsWith("_yuan", StringComparison.Ordinal) ? c.Key[..^5] + "_wan" : c.Key, c => c.Value switch
        {
            null or DBNull => null,
            _ when c.Key.EndsWith("_yuan", StringComparison.Ordinal) => Money.ToWan(Convert.ToInt64(c.Value, CultureInfo.InvariantCulture)).ToString("0.####", CultureInfo.InvariantCulture),
            _ when c.Key == "arose_on" => EmbargoBoundary.AsUtc(c.Value)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when c.Key == "published_at" => EmbargoBoundary.AsUtc(c.Value)!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => Convert.ToString(c.Value, CultureInfo.InvariantCulture),
        }, StringComparer.Ordinal);
        if (recordType == "projects")
        {
            values["fund_document_ids"] = string.Join(';', await connection.QueryAsync<string>(FundsOf, new { id }));
        }

        return values;
    }

    static IResult Replay(StoredPublication earlier, string body, TimeProvider clock) =>
        JsonSerializer.Serialize(JsonDocument.Parse(earlier.Body)) == JsonSerializer.Serialize(JsonDocument.Parse(body))
            ? Results.Json(Describe(earlier, clock), AuditLog.Json)
            : Results.Problem(title: "发布编号已被使用",
                detail: $"reference: 本单位已用编号 {earlier.Reference} 发布过（{earlier.RecordId}），这次的内容与之不同：同一编号只能重复提交完全相同的内容；更正请另用编号。",
                statusCode: StatusCodes.Status409Conflict);

    static async Task<IResult> Draft(string reference, HttpContext http, Db db, TimeProvider clock)
    {
        var query = ApiQuery.Parse(http);
        if (!query.IsValid)
        {
            return ApiProblems.BadRequest(query);
        }

        // Without a key a draft is simply not there (as for any embargoed record); a wrong key is a failed authentication.
        var authenticated = await http.AuthenticateAsync(ApiKeyAuthentication.SchemeName);
        if (authenticated.None)
        {
            return ApiProblems.NotFound($"没有编号为 {reference} 的公开发布；发布单位请用本单位的密钥查看。");
        }

        if (!authenticated.Succeeded)
        {
            return Results.Challenge(authenticationSchemes: [ApiKeyAuthentication.SchemeName]);
        }

        http.User = authenticated.Principal;
        var caller = ApiKeyAuthentication.Caller(http.User);
        if (caller.Scope != KeyScopes.Publish)
        {
            return Results.Forbid(authenticationSchemes: [ApiKeyAuthentication.SchemeName]);
        }

        return await FindAsync(db, caller.OrganisationId, reference) is { } stored
            ? Results.Json(Describe(stored, clock), AuditLog.Json)
            : ApiProblems.NotFound($"本单位没有编号为 {reference} 的发布。");
    }

    static async Task<StoredPublication?> FindAsync(Db db, long organisationId, string reference)
    {
        await using var connection = await db.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<StoredPublication>(Stored, new { organisationId, reference });
    }

    static object Describe(StoredPublication stored, TimeProvider clock) => new
    {
        reference = stored.Reference,
        kind = stored.Kind,
        recordType = stored.RecordType,
        recordId = stored.RecordId,
        countyCode = stored.CountyCode,
        receivedAt = Beijing(stored.ReceivedAt),
        publishedAt = Beijing(stored.PublishedAt),
        publishedVia = Portal,
        isPublic = stored.IsPublicAt(clock.GetUtcNow().UtcDateTime),
        claimedPublishedAt = stored.ClaimedAt is { } claimed ? Beijing(claimed) : null,
        url = stored.Url,
        body = JsonDocument.Parse(stored.Body).RootElement,
    };

    static string Beijing(DateTime utc) => Dates.ToBeijing(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
}
