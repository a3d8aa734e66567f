using System.Text.Json;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Disclosure;
using LinkagePortal.Records;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// The embargo boundary and the cache: a cached response is not served across a record's publication time, with no
/// restart and no import in between.
/// </summary>
public sealed class EmbargoBoundaryTests
{
    // The clock starts at 2026-06-01 12:00 Beijing; the record becomes public an hour later.
    static readonly DateTimeOffset T = new(2026, 6, 1, 13, 0, 0, TimeSpan.FromHours(8));

    static async Task<JsonElement> Region(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/disclosure")).RootElement.GetProperty("region").GetProperty("publication");

    [Fact]
    public async Task The_boundary_is_the_earliest_publication_time_still_ahead_and_moves_on_when_it_passes()
    {
        using var portal = new ClockedPortalFactory();
        TestRecords.Import(portal,
            TestRecords.Projects(("T5-EMB-1", "654202", "测试禁发项目一", null, "2026-06-01T13:00:00+08:00", 1)),
            TestRecords.Announcements(("t5-emb-2", "654202", "测试禁发公告二", null, "2026-06-02T09:30:00+08:00")));
        var boundary = portal.Services.GetRequiredService<EmbargoBoundary>();

        portal.Clock.Set(T.AddSeconds(-1));
        var before = await boundary.CurrentAsync();
        Assert.Equal(T.UtcDateTime, before.Next);

        portal.Clock.Set(T.AddSeconds(1));
        var after = await boundary.CurrentAsync();
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 9, 30, 0, TimeSpan.FromHours(8)).UtcDateTime, after.Next);
        Assert.NotEqual(before.Stamp, after.Stamp);

        portal.Clock.Set(new DateTimeOffset(2026, 6, 3, 0, 0, 0, TimeSpan.FromHours(8)));
        Assert.Null((await boundary.CurrentAsync()).Next);

        // A clock set back (as tests do) does not reuse an answer read later.
        portal.Clock.Set(T.AddSeconds(-1));
        Assert.Equal(T.UtcDateTime, (await boundary.CurrentAsync()).Next);
    }

    [Fact]
    public async Task A_cached_audit_is_not_served_after_a_records_publication_time()
    {
        using var portal = new ClockedPortalFactory();
        TestRecords.Import(portal, TestRecords.Announcements(("t5-emb-3", "654202", "测试禁发公告三", "2026-05-25", "2026-06-01T13:00:00+08:00")));
        using var client = portal.CreateClient();

        portal.Clock.Set(T.AddSeconds(-1));
        var before = await Region(client);
        Assert.Equal((1, 0), (before.GetProperty("due").GetInt32(), before.GetProperty("onTime").GetInt32()));

        // A row written behind the cache's back (no import, no data version) is not seen: the response is cached.
        await using (var connection = await portal.Services.GetRequiredService<Db>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE announcements SET arose_on = '2026-05-30 00:00:00' WHERE id = 't5-emb-3'");
        }

        Assert.Equal(before.ToString(), (await Region(client)).ToString());

        // One second after its time the record is published: the entry cached before T is not used.
        portal.Clock.Set(T.AddSeconds(1));
        var after = await Region(client);
        Assert.Equal((0, 1), (after.GetProperty("due").GetInt32(), after.GetProperty("onTime").GetInt32()));
    }

    [Fact]
    public async Task The_working_day_setting_reaches_the_audit()
    {
        // Arose Fri 2024-09-27, published Wed 2024-10-30: the 20th working day after the National Day holiday (on
        // time), but 33 calendar days (late by 13).
        var project = TestRecords.Projects(("T5-WD", "654202", "测试工作日项目", "2024-09-27", "2024-10-30T10:00:00+08:00", 1));

        using var calendar = new ClockedPortalFactory();
        TestRecords.Import(calendar, project);
        var calendarLate = JsonDocument.Parse(await calendar.CreateClient().GetStringAsync("/api/v1/disclosure")).RootElement.GetProperty("late");
        var item = Assert.Single(calendarLate.EnumerateArray());
        Assert.Equal(("2024-10-17", 13), (item.GetProperty("deadline").GetProperty("dueOn").GetString(), item.GetProperty("deadline").GetProperty("daysLate").GetInt32()));

        using var working = new WorkingDayPortal();
        TestRecords.Import(working, project);
        var report = JsonDocument.Parse(await working.CreateClient().GetStringAsync("/api/v1/disclosure")).RootElement;
        Assert.Equal("working", report.GetProperty("dayCount").GetString());
        Assert.Empty(report.GetProperty("late").EnumerateArray());
        Assert.Equal(1, report.GetProperty("region").GetProperty("publication").GetProperty("onTime").GetInt32());
    }

    sealed class WorkingDayPortal : ClockedPortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Disclosure:DayCount", "Working");
        }
    }
}
