using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>
/// Hotline and discipline-inspection staff record complaints with their organisation's key; the public sees counts.
/// Each test issues its own keys and case references on the class's database.
/// </summary>
public class ComplaintsApiTests(HotlinePortal portal) : IClassFixture<HotlinePortal>
{
    const string Wusu = "654202";
    const string Jiashi = "653129";

    long Project(string code) => portal.ProjectId(code);

    async Task<JsonElement> CountsAsync(long projectId)
    {
        var response = await portal.CreateClient().GetAsync($"/api/v1/projects/{projectId}/complaints");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HotlinePortal.JsonAsync(response);
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return await HotlinePortal.JsonAsync(response);
    }

    List<(string Action, string EntityId)> Audit(string entity)
    {
        using var connection = portal.Db.Open();
        return connection.Query<(string, string)>("SELECT action, entity_id FROM audit_log WHERE entity = @entity ORDER BY id", new { entity }).ToList();
    }

    [SkippableFact]
    public async Task A_complaint_recorded_with_a_valid_key_appears_as_a_count_for_its_project()
    {
        var project = Project("654202-2024-012");
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市12345监督热线", Wusu));

        var response = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "RX-2024-0001"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await HotlinePortal.JsonAsync(response);
        Assert.Equal("received", created.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/complaints/{created.GetProperty("id").GetInt64()}", response.Headers.Location!.OriginalString);
        var counts = await CountsAsync(project);
        Assert.Equal(1, counts.GetProperty("total").GetInt32());
        Assert.Equal(1, counts.GetProperty("open").GetInt32());
        Assert.Equal(1, counts.GetProperty("byStatus").GetProperty("received").GetInt32());
        Assert.Equal(["projectId", "projectCode", "total", "open", "byStatus"], counts.EnumerateObject().Select(p => p.Name));

        var byCode = await HotlinePortal.JsonAsync(await portal.CreateClient().GetAsync("/api/v1/projects/654202-2024-012/complaints"));
        Assert.Equal(project, byCode.GetProperty("projectId").GetInt64());
        Assert.Equal(1, byCode.GetProperty("total").GetInt32());

        var ranking = await HotlinePortal.JsonAsync(await portal.CreateClient().GetAsync("/api/v1/complaints?region=654202"));
        var ranked = ranking.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("projectCode").GetString() == "654202-2024-012");
        Assert.Equal(1, ranked.GetProperty("open").GetInt32());
        Assert.DoesNotContain("summary", ranking.ToString());
        await ProblemAsync(await portal.CreateClient().GetAsync("/api/v1/complaints?region=654202109200"), HttpStatusCode.BadRequest);

        var county = await portal.CreateClient().GetPageAsync("/hotline/counties/654202");
        var row = county.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td.code")!.Text() == "654202-2024-012");
        Assert.Equal("1", row.QuerySelectorAll("td.num")[0].Text());
    }

    [SkippableFact]
    public async Task The_project_page_shows_the_counts_by_status_even_when_it_was_cached_before_the_complaint()
    {
        var project = Project("654202-2024-011");
        var page = portal.CreateClient();
        var before = await page.GetPageAsync($"/projects/{project}");
        Assert.Null(before.QuerySelector("#complaints-total"));
        Assert.Contains("尚未", before.QuerySelector("section[aria-labelledby=complaints]")!.Text());

        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));
        var first = await HotlinePortal.JsonAsync(await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "PG-1")));
        await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "PG-2"));
        await client.PostAsJsonAsync($"/api/v1/complaints/{first.GetProperty("id").GetInt64()}/status", new { status = "under_review", reason = "转乡纪委核查" });

        var after = await page.GetPageAsync($"/projects/{project}");
        Assert.Equal("2", after.QuerySelector("#complaints-total")!.Text());
        Assert.Equal("2", after.QuerySelector("#complaints-open")!.Text());
        Assert.Equal("1", after.QuerySelector("dd[data-status=received]")!.Text());
        Assert.Equal("1", after.QuerySelector("dd[data-status=under_review]")!.Text());
        Assert.DoesNotContain("PG-1", after.DocumentElement.OuterHtml);
        Assert.DoesNotContain("村民反映", after.DocumentElement.OuterHtml);
    }

    [SkippableFact]
    public async Task The_same_case_reference_twice_records_one_complaint()
    {
        var project = Project("654202-2024-013");
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));
        var again = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));

        var first = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "WJ-2024-77"));
        var second = await again.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "WJ-2024-77"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await HotlinePortal.JsonAsync(first)).GetProperty("id").GetInt64(), (await HotlinePortal.JsonAsync(second)).GetProperty("id").GetInt64());
        Assert.Equal(1, (await CountsAsync(project)).GetProperty("total").GetInt32());
        using var connection = portal.Db.Open();
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM complaints WHERE case_reference = 'WJ-2024-77'"));

        var otherProject = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(Project("654202-2024-012"), "WJ-2024-77"));
        await ProblemAsync(otherProject, HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task A_key_for_another_county_gets_403_no_key_401_and_an_unknown_or_revoked_key_401()
    {
        var project = Project("654202-2024-001");
        var body = HotlinePortal.Complaint(project, "JS-1");

        var jiashi = portal.ClientWithKey(await portal.IssueKeyAsync("伽师县纪委监委", Jiashi));
        var forbidden = await ProblemAsync(await jiashi.PostAsJsonAsync("/api/v1/complaints", body), HttpStatusCode.Forbidden);
        Assert.Contains("654202-2024-001", forbidden.GetProperty("detail").GetString());

        var anonymous = await portal.CreateClient().PostAsJsonAsync("/api/v1/complaints", body);
        await ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        var wusuKey = await portal.IssueKeyAsync("乌苏市农业农村局", Wusu);
        var forged = wusuKey[..^4] + "0000";
        await ProblemAsync(await portal.ClientWithKey(forged).PostAsJsonAsync("/api/v1/complaints", body), HttpStatusCode.Unauthorized);

        var keyId = wusuKey.Split('_')[1];
        using (var connection = portal.Db.Open())
        {
            connection.Execute("UPDATE api_keys SET revoked_at = '2024-01-01 00:00:00' WHERE id = @keyId", new { keyId });
        }

        await ProblemAsync(await portal.ClientWithKey(wusuKey).PostAsJsonAsync("/api/v1/complaints", body), HttpStatusCode.Unauthorized);
        Assert.Equal(0, (await CountsAsync(project)).GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task The_key_may_also_come_in_an_X_Api_Key_header_and_a_prefecture_key_covers_its_counties()
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await portal.IssueKeyAsync("塔城地区纪委监委", "6542"));

        var response = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(Project("654202-2024-002"), "TC-9"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("projectId", """{"projectId":"abc","receivedAt":"2024-03-01T10:15:00+08:00","channel":"hotline","category":"工程质量","summary":"路面开裂","caseReference":"M-1"}""")]
    [InlineData("receivedAt", """{"projectId":1,"receivedAt":"2024-03-01","channel":"hotline","category":"工程质量","summary":"路面开裂","caseReference":"M-2"}""")]
    [InlineData("receivedAt", """{"projectId":1,"receivedAt":"2999-03-01T10:15:00+08:00","channel":"hotline","category":"工程质量","summary":"路面开裂","caseReference":"M-3"}""")]
    [InlineData("channel", """{"projectId":1,"receivedAt":"2024-03-01T10:15:00+08:00","channel":"phone","category":"工程质量","summary":"路面开裂","caseReference":"M-4"}""")]
    [InlineData("summary", """{"projectId":1,"receivedAt":"2024-03-01T10:15:00+08:00","channel":"hotline","category":"工程质量","caseReference":"M-5"}""")]
    [InlineData("callerName", """{"projectId":1,"receivedAt":"2024-03-01T10:15:00+08:00","channel":"hotline","category":"工程质量","summary":"路面开裂","caseReference":"M-6","callerName":"张某"}""")]
    [InlineData("body", """{"projectId":1,""")]
    [InlineData("body", """[1, 2]""")]
    public async Task A_malformed_body_gets_400_naming_the_field(string field, string json)
    {
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市监督热线", Wusu));

        var response = await client.PostAsync("/api/v1/complaints", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        Assert.StartsWith(field, problem.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task A_long_summary_is_refused_naming_the_field_and_an_oversized_body_gets_413()
    {
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));
        var project = Project("654202-2024-008");

        var tooLong = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "LN-1", new string('路', 501))), HttpStatusCode.BadRequest);
        Assert.Contains("500", tooLong.GetProperty("errors").GetProperty("summary")[0].GetString());

        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "LN-2", new string('路', 20000))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await CountsAsync(project)).GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task A_summary_with_an_id_card_number_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        var project = Project("654202-2024-003");
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));

        var response = await client.PostAsJsonAsync("/api/v1/complaints",
            HotlinePortal.Complaint(project, "ID-1", "张某（身份证65420219900101123X）反映养殖小区未建成"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("summary")[0].GetString();
        Assert.Contains("身份证", message);
        Assert.Contains("个人信息", message);
        Assert.Equal(0, (await CountsAsync(project)).GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task A_status_moves_received_under_review_resolved_and_an_illegal_move_gets_400()
    {
        var project = Project("654202-2024-005");
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));
        var created = await HotlinePortal.JsonAsync(await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "ST-1")));
        var path = $"/api/v1/complaints/{created.GetProperty("id").GetInt64()}/status";

        var skip = await client.PostAsJsonAsync(path, new { status = "resolved", reason = "已整改" });
        var problem = await ProblemAsync(skip, HttpStatusCode.BadRequest);
        Assert.Contains("under_review", problem.GetProperty("errors").GetProperty("status")[0].GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(path, new { status = "under_review", reason = "转乡纪委核查" })).StatusCode);
        Assert.Equal(1, (await CountsAsync(project)).GetProperty("byStatus").GetProperty("under_review").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(path, new { status = "resolved", reason = "施工单位已修复" })).StatusCode);

        var counts = await CountsAsync(project);
        Assert.Equal(1, counts.GetProperty("byStatus").GetProperty("resolved").GetInt32());
        Assert.Equal(0, counts.GetProperty("open").GetInt32());
        await ProblemAsync(await client.PostAsJsonAsync(path, new { status = "unfounded", reason = "复核" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.PostAsJsonAsync(path, new { status = "closed", reason = "复核" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.PostAsJsonAsync(path, new { status = "resolved" }), HttpStatusCode.BadRequest);

        var jiashi = portal.ClientWithKey(await portal.IssueKeyAsync("伽师县纪委监委", Jiashi));
        await ProblemAsync(await jiashi.PostAsJsonAsync(path, new { status = "resolved", reason = "x" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/complaints/999999/status", new { status = "resolved", reason = "x" }), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task The_audit_log_has_one_entry_per_accepted_write_and_none_for_refused_ones()
    {
        var project = Project("654202-2024-007");
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市审计热线", Wusu));
        var jiashi = portal.ClientWithKey(await portal.IssueKeyAsync("伽师县审计热线", Jiashi));
        var before = Audit("complaint").Count;

        // Refused: no key, out-of-county key, personal data, bad field, replay.
        await portal.CreateClient().PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "AU-1"));
        await jiashi.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "AU-1"));
        await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "AU-1", "请回电13912345678"));
        await client.PostAsJsonAsync("/api/v1/complaints", new { projectId = project, caseReference = "AU-1" });
        Assert.Equal(before, Audit("complaint").Count);

        var created = await HotlinePortal.JsonAsync(await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "AU-1")));
        var id = created.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "AU-1"));
        await client.PostAsJsonAsync($"/api/v1/complaints/{id}/status", new { status = "resolved", reason = "跳过核查" });
        await client.PostAsJsonAsync($"/api/v1/complaints/{id}/status", new { status = "under_review", reason = "转乡纪委核查" });

        var entries = Audit("complaint").Skip(before).ToList();
        Assert.Equal([("complaint.create", id), ("complaint.status", id)], entries);
        using var connection = portal.Db.Open();
        var last = connection.QuerySingle<(string Actor, string Before, string After)>(
            "SELECT actor, before_json, after_json FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log WHERE entity = 'complaint')");
        Assert.Equal("乌苏市审计热线", last.Actor);
        Assert.Contains("received", last.Before);
        Assert.Contains("under_review", last.After);
        Assert.ThrowsAny<Exception>(() => connection.Execute("DELETE FROM audit_log"));
        Assert.ThrowsAny<Exception>(() => connection.Execute("UPDATE audit_log SET actor = 'someone else'"));
    }

    [SkippableFact]
    public async Task Keys_are_not_stored_in_clear()
    {
        var key = await portal.IssueKeyAsync("乌苏市纪委监委", Wusu);
        var secret = key.Split('_')[2];

        using var connection = portal.Db.Open();
        foreach (var table in new[] { "api_keys", "api_key_counties", "audit_log" })
        {
            var text = string.Join("|", connection.Query($"SELECT * FROM {table}")
                .Cast<IDictionary<string, object?>>()
                .SelectMany(row => row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            Assert.DoesNotContain(key, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [SkippableFact]
    public async Task The_public_counts_say_nothing_of_the_complaints_text_and_unknown_projects_are_404()
    {
        var project = Project("654202-2024-006");
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));
        await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "PB-1", "斗渠渗漏严重"));

        var body = await (await portal.CreateClient().GetAsync($"/api/v1/projects/{project}/complaints")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("斗渠渗漏", body);
        Assert.DoesNotContain("PB-1", body);
        Assert.DoesNotContain("乌苏市纪委监委", body);
        await ProblemAsync(await portal.CreateClient().GetAsync("/api/v1/projects/999999/complaints"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(999999, "PB-2")), HttpStatusCode.BadRequest);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class ComplaintsApiTestsOnSqlServer(SqlServerHotlinePortal portal) : ComplaintsApiTests(portal.OrSkip<SqlServerHotlinePortal>()), IClassFixture<SqlServerHotlinePortal>;
