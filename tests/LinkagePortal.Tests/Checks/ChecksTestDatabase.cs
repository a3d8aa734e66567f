using Dapper;
using LinkagePortal.Checks;
using LinkagePortal.Data;
using LinkagePortal.Hosting;
using LinkagePortal.Import;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkagePortal.Tests.Checks;

/// <summary>
/// A seeded database of its own with the checks on a fake clock, read the way the county page will read them
/// (<see cref="CountyChecks.ForCountyAsync"/>). Records are added as data files through the importer, as an operator does.
/// </summary>
sealed class ChecksTestDatabase
{
    public ChecksTestDatabase(DateTimeOffset now)
    {
        Clock = new FakeClock(now);
        Db = TestDatabase.SeededSqlite();
        Results = new CheckResults(Db, Clock, NullLogger<CheckResults>.Instance, new LowPriority(lowest: false));
        Checks = new CountyChecks(Db, Results);
    }

    public FakeClock Clock { get; }
    public Db Db { get; }
    public CheckResults Results { get; }
    public CountyChecks Checks { get; }

    public const string ProjectHeader = "code,programme,fiscal_year,name,county_code,amount_wan,printed_text,derivation,responsible_unit,category,"
        + "construction_content,status,spent_wan,fund_document_ids,source_document_id,source_table,row_no,arose_on,published_at,note";

    public const string AnnouncementHeader = "id,title,county_code,publisher,arose_on,published_at,body,source_document_id,note";

    public void Import(params (string Dataset, string Csv)[] files)
    {
        var directory = TestDatabase.NewDirectory("checks");
        var paths = files.Select((f, i) =>
        {
            var path = Path.Combine(directory, $"{f.Dataset}.{i}.csv");
            File.WriteAllText(path, f.Csv + "\n");
            return path;
        }).ToList();
        new Importer(Db, Clock).Import(paths);
    }

    public async Task<CountyChecksView> CountyAsync(string code) =>
        await Checks.ForCountyAsync(code) ?? throw new InvalidOperationException($"no county {code}");

    public long ProjectId(string code)
    {
        using var connection = Db.Open();
        return connection.ExecuteScalar<long>("SELECT id FROM projects WHERE code = @code", new { code });
    }

    /// <summary>Records a complaint and its move to <paramref name="closedStatus"/> as the hotline API does, audit entry included.</summary>
    public void RecordComplaint(string projectCode, string caseReference, DateTimeOffset receivedAt, string status, DateTimeOffset? closedAt = null)
    {
        using var connection = Db.Open();
        var id = connection.ExecuteScalar<long>("""
            INSERT INTO complaints (project_id, organisation, case_reference, received_at, channel, category, summary, status, recorded_at, updated_at)
            VALUES (@projectId, '测试纪委', @caseReference, @receivedAt, 'hotline', '工程质量', '测试投诉', @status, @receivedAt, @receivedAt);
            SELECT last_insert_rowid();
            """, new { projectId = ProjectId(projectCode), caseReference, receivedAt = receivedAt.UtcDateTime, status });
        if (closedAt is { } closed)
        {
            connection.Execute("""
                INSERT INTO complaint_status_changes (complaint_id, from_status, to_status, reason, organisation, changed_at)
                VALUES (@id, 'under_review', @status, '测试', '测试纪委', @closed)
                """, new { id, status, closed = closed.UtcDateTime });
        }

        connection.Execute("""
            INSERT INTO audit_log (occurred_at, actor, key_id, action, entity, entity_id, before_json, after_json)
            VALUES (@now, '测试纪委', NULL, 'complaint.create', 'complaint', @entityId, NULL, NULL)
            """, new { now = receivedAt.UtcDateTime, entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
