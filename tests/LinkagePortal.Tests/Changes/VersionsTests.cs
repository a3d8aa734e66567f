using System.Net;
using Dapper;
using LinkagePortal.Tests.OpenData;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Changes;

/// <summary>
/// An import that changes a record keeps what it said before: the project's page and its versions API show each
/// changed field before and after, with the reason; a project missing from a later full import is withdrawn (hidden,
/// with a version saying so), never deleted.
/// </summary>
public sealed class VersionsTests : ClockedPortalTests
{
    const string Code = "654202-2024-001";

    [Fact]
    public async Task A_seeded_project_has_one_version_and_no_history_section()
    {
        var versions = (await Client.GetJsonAsync($"/api/v1/projects/{Code}/versions")).GetProperty("items").EnumerateArray().ToList();

        var first = Assert.Single(versions);
        Assert.Equal((1, "created"), (first.GetProperty("version").GetInt32(), first.Text("kind")));
        Assert.Equal("projects.csv:2", first.Text("source"));
        Assert.Null((await Client.GetPageAsync($"/projects/{Portal.ProjectId(Code)}")).GetElementById("versions"));
    }

    [Fact]
    public async Task Importing_a_changed_project_keeps_the_old_figures_and_shows_the_change_with_its_reason()
    {
        ChangeFiles.Import(Portal, ChangeFiles.Projects(Code, l => l.Replace(",79.71,79.71,", ",81.2,81.2,", StringComparison.Ordinal), "项目调整：追加育苗设备"));

        var versions = (await Client.GetJsonAsync($"/api/v1/projects/{Code}/versions")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        var changed = versions[1];
        Assert.Equal("changed", changed.Text("kind"));
        Assert.Equal("项目调整：追加育苗设备", changed.Text("reason"));
        Assert.Equal("projects.csv:2", changed.Text("source"));
        var fields = changed.GetProperty("changes").EnumerateArray().Select(c => (c.Text("field"), c.Text("before"), c.Text("after"))).ToList();
        Assert.Equal([("amount_wan", "79.71", "81.2"), ("printed_text", "79.71", "81.2")], fields);

        var page = await Client.GetPageAsync($"/projects/{Portal.ProjectId(Code)}");
        var history = page.GetElementById("versions")!.ParentElement!;
        Assert.Contains("项目调整：追加育苗设备", history.Text(), StringComparison.Ordinal);
        Assert.Contains("金额（万元）：79.71 → 81.2", history.Text(), StringComparison.Ordinal);
        Assert.Equal("81.2 万元", page.QuerySelector(".lead .amount")!.Text().Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task The_import_reason_applies_where_a_row_gives_none_and_an_unchanged_import_adds_no_version()
    {
        ChangeFiles.Import(Portal, ChangeFiles.Projects(Code, l => l.Replace("八十四户乡人民政府", "八十四户乡农业农村办", StringComparison.Ordinal)), reason: "更正责任单位");
        ChangeFiles.Import(Portal, ChangeFiles.Projects(Code, l => l.Replace("八十四户乡人民政府", "八十四户乡农业农村办", StringComparison.Ordinal)), reason: "再次导入");

        var versions = (await Client.GetJsonAsync($"/api/v1/projects/{Code}/versions")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal("更正责任单位", versions[1].Text("reason"));
        var change = Assert.Single(versions[1].GetProperty("changes").EnumerateArray());
        Assert.Equal(("responsible_unit", "八十四户乡人民政府", "八十四户乡农业农村办"), (change.Text("field"), change.Text("before"), change.Text("after")));
    }

    [Fact]
    public async Task A_project_missing_from_a_later_full_import_is_withdrawn_with_a_version_not_deleted()
    {
        var id = Portal.ProjectId(Code);

        ChangeFiles.Import(Portal, ChangeFiles.ProjectsWithout(Code), reason: "县财政局撤回该项目", full: true);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/projects/{Code}")).StatusCode);
        Assert.DoesNotContain(await Client.GetAllAsync("/api/v1/projects?region=654202&limit=1000"), p => p.Text("code") == Code);
        var versions = (await Client.GetJsonAsync($"/api/v1/projects/{Code}/versions")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(("withdrawn", 2, "县财政局撤回该项目"), (versions[^1].Text("kind"), versions[^1].GetProperty("version").GetInt32(), versions[^1].Text("reason")));
        using var connection = Portal.Db.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM projects WHERE code = @code", new { code = Code }));
        var others = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM record_versions WHERE record_type = 'projects' AND kind = 'withdrawn'");
        Assert.Equal(1, others);
    }

    [Fact]
    public async Task A_withdrawn_project_that_a_later_import_holds_again_is_public_again_with_a_version()
    {
        ChangeFiles.Import(Portal, ChangeFiles.ProjectsWithout(Code), full: true);
        ChangeFiles.Import(Portal, ChangeFiles.Projects(Code, l => l), reason: "重新列入");

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/projects/{Portal.ProjectId(Code)}")).StatusCode);
        var last = (await Client.GetJsonAsync($"/api/v1/projects/{Code}/versions")).GetProperty("items").EnumerateArray().Last();
        Assert.Equal(("changed", 3, "withdrawn"), (last.Text("kind"), last.GetProperty("version").GetInt32(), last.GetProperty("changes")[0].Text("field")));
    }

    [Fact]
    public async Task A_record_without_public_versions_is_a_404()
    {
        var response = await Client.GetAsync("/api/v1/projects/654202-2099-999/versions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_changed_announcement_shows_its_history_on_its_page()
    {
        var lines = File.ReadAllLines(Path.Combine(TestDatabase.Paths.Data, "announcements.csv"));
        var edited = lines.Select(l => l.StartsWith("wusu-2024-gs-1,", StringComparison.Ordinal) ? l.Replace(",乌苏市", ",乌苏市（更正）", StringComparison.Ordinal) : l);
        ChangeFiles.Import(Portal, ChangeFiles.Write("announcements.csv", edited), reason: "更正发布单位名称");

        var history = (await Client.GetPageAsync("/announcements/wusu-2024-gs-1")).GetElementById("versions")!.ParentElement!;

        Assert.Contains("更正发布单位名称", history.Text(), StringComparison.Ordinal);
        Assert.Contains("第 2 版", history.Text(), StringComparison.Ordinal);
    }
}
