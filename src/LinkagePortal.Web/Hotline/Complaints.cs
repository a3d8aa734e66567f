using System.Data.Common;
using System.Text.Json.Serialization;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Keys;
using LinkagePortal.Records;

namespace LinkagePortal.Hotline;

/// <summary>
/// Complaints against listed projects, written by supervisory organisations. Each write and its audit entry share
/// one transaction. One complaint per (organisation, case reference): recording the same case again returns it.
/// </summary>
public sealed class Complaints(Db db, TimeProvider clock, AuditLog audit)
{
    const string Select = """
        SELECT c.id AS Id, c.project_id AS ProjectId, p.code AS ProjectCode, p.county_code AS CountyCode,
               c.organisation_id AS OrganisationId, c.organisation AS Organisation, c.case_reference AS CaseReference, c.received_at AS ReceivedAt,
               c.channel AS Channel, c.category AS Category, c.summary AS Summary, c.status AS Status,
               c.recorded_at AS RecordedAt, c.updated_at AS UpdatedAt
        FROM complaints c JOIN projects p ON p.id = c.project_id
        """;

    const string ById = Select + " WHERE c.id = @id";
    const string ByCase = Select + " WHERE c.organisation_id = @organisationId AND c.case_reference = @caseReference";

    const string Insert = """
        INSERT INTO complaints (project_id, organisation_id, organisation, case_reference, received_at, channel, category, summary, status, recorded_at, updated_at)
        VALUES (@ProjectId, @OrganisationId, @Organisation, @CaseReference, @ReceivedAt, @Channel, @Category, @Summary, @Status, @now, @now)
        """;

    const string MoveStatus = "UPDATE complaints SET status = @to, updated_at = @now WHERE id = @id AND status = @from";

    const string InsertChange = """
        INSERT INTO complaint_status_changes (complaint_id, from_status, to_status, reason, organisation, changed_at)
        VALUES (@id, @from, @to, @reason, @organisation, @now)
        """;

    /// <summary>A complaint as its recorder sees it (the public sees counts only).</summary>
    public sealed record Complaint
    {
        public long Id { get; init; }
        public long ProjectId { get; init; }
        public required string ProjectCode { get; init; }
        [JsonIgnore]
        public string CountyCode { get; init; } = "";
        [JsonIgnore]
        public long OrganisationId { get; init; }
        public required string Organisation { get; init; }
        public required string CaseReference { get; init; }
        public DateTime ReceivedAt { get => field; init => field = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
        public required string Channel { get; init; }
        public required string Category { get; init; }
        public required string Summary { get; init; }
        public required string Status { get; init; }
        public DateTime RecordedAt { get => field; init => field = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
        public DateTime UpdatedAt { get => field; init => field = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    }

    public sealed record NewComplaint(long ProjectId, DateTime ReceivedAt, string Channel, string Category, string Summary, string CaseReference);

    public enum Outcome { Created, AlreadyRecorded, CaseReferenceTaken, Moved, Unchanged, IllegalMove, Conflict }

    // SQL Server keeps received_at to the second (DATETIME2(0)).
    static long WholeSeconds(DateTime time) => time.Ticks / TimeSpan.TicksPerSecond;

    /// <summary>The fields in which a replayed complaint differs from the one recorded under its case reference.</summary>
    public static IReadOnlyList<string> Differences(Complaint recorded, NewComplaint again) =>
        new (string Field, bool Same)[]
        {
            ("projectId", recorded.ProjectId == again.ProjectId),
            ("receivedAt", WholeSeconds(recorded.ReceivedAt) == WholeSeconds(again.ReceivedAt)),
            ("channel", recorded.Channel == again.Channel),
            ("category", recorded.Category == again.Category),
            ("summary", recorded.Summary == again.Summary),
        }.Where(f => !f.Same).Select(f => f.Field).ToList();

    public async Task<ComplaintCounts.ProjectRef?> ListedProjectAsync(long id)
    {
        await using var connection = await db.OpenAsync();
        return await ComplaintCounts.ListedProjectAsync(connection, id, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<Complaint?> FindAsync(long id)
    {
        await using var connection = await db.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<Complaint>(ById, new { id });
    }

    /// <summary>
    /// Records a complaint, or returns the one already recorded under the organisation's case reference
    /// by the caller's organisation (<see cref="Outcome.AlreadyRecorded"/>, nothing written;
    /// <see cref="Outcome.CaseReferenceTaken"/> when that one differs in any field: a replay must be the same request).
    /// </summary>
    public async Task<(Outcome Outcome, Complaint Complaint)> RecordAsync(ApiCaller caller, NewComplaint complaint)
    {
        var byCase = new { organisationId = caller.OrganisationId, caseReference = complaint.CaseReference };
        await using var connection = await db.OpenAsync();
        if (await connection.QuerySingleOrDefaultAsync<Complaint>(ByCase, byCase) is { } existing)
        {
            return (Replay(existing, complaint), existing);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            await connection.ExecuteAsync(Insert, new
            {
                complaint.ProjectId,
                caller.OrganisationId,
                caller.Organisation,
                complaint.CaseReference,
                complaint.ReceivedAt,
                complaint.Channel,
                complaint.Category,
                complaint.Summary,
                Status = ComplaintStatus.Received,
                now,
            }, transaction);
            var created = await connection.QuerySingleAsync<Complaint>(ByCase, byCase, transaction);
            await audit.AppendAsync(connection, transaction,
                new AuditEntry(caller.Organisation, caller.KeyId, "complaint.create", "complaint", Id(created), null, created));
            await transaction.CommitAsync();
            db.EnsurePresent();
            return (Outcome.Created, created);
        }
        catch (DbException)
        {
            // Another request may have recorded the same case reference first, and the unique index refused this one.
            var raced = await connection.QuerySingleOrDefaultAsync<Complaint>(ByCase, byCase);
            if (raced is null)
            {
                throw;
            }

            return (Replay(raced, complaint), raced);
        }
    }

    static Outcome Replay(Complaint existing, NewComplaint again) =>
        Differences(existing, again).Count == 0 ? Outcome.AlreadyRecorded : Outcome.CaseReferenceTaken;

    /// <summary>Moves a complaint to <paramref name="to"/> with a reason, if the move is allowed from where it stands.</summary>
    public async Task<(Outcome Outcome, Complaint Complaint)> MoveAsync(ApiCaller caller, Complaint complaint, string to, string reason)
    {
        if (complaint.Status == to)
        {
            return (Outcome.Unchanged, complaint);
        }

        if (!ComplaintStatus.CanMove(complaint.Status, to))
        {
            return (Outcome.IllegalMove, complaint);
        }

        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var change = new { id = complaint.Id, from = complaint.Status, to, reason, organisation = caller.Organisation, now };
        if (await connection.ExecuteAsync(MoveStatus, change, transaction) == 0)
        {
            // Moved by someone else since it was read.
            return (Outcome.Conflict, await connection.QuerySingleAsync<Complaint>(ById, new { id = complaint.Id }, transaction));
        }

        await connection.ExecuteAsync(InsertChange, change, transaction);
        var moved = await connection.QuerySingleAsync<Complaint>(ById, new { id = complaint.Id }, transaction);
        await audit.AppendAsync(connection, transaction, new AuditEntry(caller.Organisation, caller.KeyId, "complaint.status", "complaint",
            Id(complaint), new { complaint.Status }, new { moved.Status, reason }));
        await transaction.CommitAsync();
        db.EnsurePresent();
        return (Outcome.Moved, moved);
    }

    static string Id(Complaint complaint) => complaint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
