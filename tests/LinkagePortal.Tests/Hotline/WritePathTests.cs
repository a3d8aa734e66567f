using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using LinkagePortal.Hotline;
using LinkagePortal.Keys;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace LinkagePortal.Tests.Hotline;

/// <summary>The complaints API's write path to ASVS level 2: ownership, idempotency, strict bodies, a verifiable audit log.</summary>
public sealed class WritePathTests(WritePathTests.GuardedPortal portal) : IClassFixture<WritePathTests.GuardedPortal>
{
    const string Wusu = "654202";

    /// <summary>The hotline portal with a small allowance of failed authentications.</summary>
    public sealed class GuardedPortal : HotlinePortal
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:failed-authentication:Burst", "3");
            builder.UseSetting("RateLimits:failed-authentication:Refill", "3");
            builder.UseSetting("RateLimits:failed-authentication:PeriodSeconds", "600");
        }
    }

    long Project(string code) => portal.ProjectId(code);

    [Fact]
    public async Task Only_the_organisation_that_recorded_a_complaint_may_change_its_status()
    {
        var project = Project("654202-2024-010");
        var recorder = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));
        var colleague = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", Wusu));
        var other = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市12345热线", Wusu));
        var created = await HotlinePortal.JsonAsync(await recorder.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "OWN-1")));
        var path = $"/api/v1/complaints/{created.GetProperty("id").GetInt64()}/status";

        var refused = await other.PostAsJsonAsync(path, new { status = "unfounded", reason = "经核查不属实" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有记录它的单位", await refused.Content.ReadAsStringAsync());
        using (var connection = portal.Db.Open())
        {
            Assert.Equal("received", connection.ExecuteScalar<string>("SELECT status FROM complaints WHERE id = @id", new { id = created.GetProperty("id").GetInt64() }));
            Assert.Equal("refused", connection.ExecuteScalar<string>("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"));
        }

        Assert.Equal(HttpStatusCode.OK, (await colleague.PostAsJsonAsync(path, new { status = "under_review", reason = "转乡纪委核查" })).StatusCode);
    }

    [Fact]
    public async Task A_replay_is_keyed_on_the_organisation_and_must_carry_the_same_payload()
    {
        var project = Project("654202-2024-011");
        var first = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市审计局", Wusu));
        var second = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市财政局", Wusu));

        Assert.Equal(HttpStatusCode.Created, (await first.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "REPLAY-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "REPLAY-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "REPLAY-1"))).StatusCode);

        var changed = await first.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(project, "REPLAY-1", "村民反映另一件事"));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("summary", await changed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/plain", 415)]
    [InlineData("application/x-www-form-urlencoded", 415)]
    [InlineData("application/json; charset=iso-8859-1", 415)]
    [InlineData("application/json; charset=utf-8", 201)]
    public async Task The_body_must_be_declared_json(string contentType, int status)
    {
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市信访局", Wusu));
        var json = JsonSerializer.Serialize(HotlinePortal.Complaint(Project("654202-2024-012"), "CT-" + contentType.GetHashCode(StringComparison.Ordinal)));
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        Assert.Equal(status, (int)(await client.PostAsync("/api/v1/complaints", content)).StatusCode);
    }

    [Fact]
    public async Task Oversized_invalid_utf8_duplicate_keys_and_implausible_dates_are_refused_naming_the_field()
    {
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市住建局", Wusu));
        var project = Project("654202-2024-012");
        async Task<(HttpStatusCode Status, string Body)> PostAsync(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync("/api/v1/complaints", content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var huge = await PostAsync(Encoding.UTF8.GetBytes("{\"summary\":\"" + new string('a', 30 * 1024 * 1024) + "\"}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.Status);

        var valid = JsonSerializer.Serialize(HotlinePortal.Complaint(project, "UTF-1"));
        // 0xC3 0x28: a lead byte followed by no continuation byte, inside the summary's string.
        var broken = Encoding.UTF8.GetBytes(valid.Replace("\"summary\":\"", "\"summary\":\"\u0001\u0002", StringComparison.Ordinal))
            .Select(b => b switch { 1 => (byte)0xC3, 2 => (byte)0x28, _ => b }).ToArray();
        var utf8 = await PostAsync(broken);
        Assert.Equal(HttpStatusCode.BadRequest, utf8.Status);
        Assert.Contains("UTF-8", utf8.Body);

        var duplicate = await PostAsync(Encoding.UTF8.GetBytes(valid.TrimEnd('}') + ",\"summary\":\"另一段\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.True(duplicate.Body.Contains("\"summary\"", StringComparison.Ordinal), duplicate.Body);

        var ancient = await PostAsync(JsonSerializer.SerializeToUtf8Bytes(new
        {
            projectId = project, receivedAt = "1900-01-01T00:00:00+08:00", channel = "hotline", category = "工程质量", summary = "路面开裂", caseReference = "OLD-1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, ancient.Status);
        Assert.Contains("\"receivedAt\"", ancient.Body);
    }

    [Fact]
    public async Task A_phone_number_in_any_form_is_refused_naming_the_field()
    {
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市农业农村局", Wusu));

        var response = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(Project("654202-2024-012"), "PD-1", "请回电 +86 139\u200B1234 5678"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await HotlinePortal.JsonAsync(response);
        Assert.Contains("手机", problem.GetProperty("errors").GetProperty("summary")[0].GetString());
    }

    [Fact]
    public async Task Failed_authentications_are_counted_in_the_audit_log_without_the_secret_and_then_answered_429()
    {
        var real = await portal.IssueKeyAsync("乌苏市统计局", Wusu);
        var wrong = real[..^4] + "beef";
        var client = portal.ClientWithKey(wrong);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(Project("654202-2024-012"), "AUTH-1"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var limited = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(Project("654202-2024-012"), "AUTH-1"));
        Assert.NotNull(limited.Headers.RetryAfter);
        using var connection = portal.Db.Open();
        var failures = connection.Query<(string EntityId, string After)>("SELECT entity_id, after_json FROM audit_log WHERE action = 'auth.failed'").ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f =>
        {
            Assert.DoesNotContain(wrong.Split('_')[2], f.After);
            Assert.DoesNotContain(real.Split('_')[2], f.After);
        });
        Assert.Contains(failures, f => f.EntityId == real.Split('_')[1]);
    }

    [Fact]
    public async Task The_audit_log_is_a_chain_that_verify_checks_and_a_tampered_entry_breaks()
    {
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市审计热线", Wusu));
        await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(Project("654202-2024-007"), "CHAIN-1"));
        var audit = new AuditLog(portal.Db, TimeProvider.System);
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await AuditCommands.RunAsync(audit, ["verify"], output, error));
        Assert.Contains("chain intact", output.ToString());

        using var connection = portal.Db.Open();
        var entry = connection.ExecuteScalar<long>("SELECT MAX(id) FROM audit_log WHERE action = 'complaint.create'");
        Assert.ThrowsAny<Exception>(() => connection.Execute(
            "INSERT OR REPLACE INTO audit_log (id, occurred_at, actor, action, entity, entity_id) VALUES (@entry, '2024-01-01', 'x', 'x', 'x', 'x')", new { entry }));
        connection.Execute("DROP TRIGGER audit_log_no_update");
        connection.Execute("UPDATE audit_log SET after_json = REPLACE(after_json, '路面开裂', '一切正常') WHERE id = @entry", new { entry });

        Assert.Equal(1, await AuditCommands.RunAsync(audit, ["verify"], output, error));
        Assert.Contains($"broken at entry {entry}", error.ToString());
    }
}
