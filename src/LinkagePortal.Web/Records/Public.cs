namespace LinkagePortal.Records;

/// <summary>
/// The embargo rule of every public table, written once. A record is public once its own publication time has
/// passed (a NULL <c>published_at</c>: public, time not stated) and its parent is public: an allocation, a project
/// or an announcement while its source document is embargoed is hidden on pages, in <c>/api/v1</c>, search, the
/// hotline, the catalog's counts and the feed alike. Each condition is SQL over the table's usual alias (named in the
/// constant) and the parameter <c>@now</c>; a consumer that needs another alias goes through <see cref="Project"/>
/// or <see cref="Document"/>. The timeliness audit reads embargoed records on purpose and applies the same rule in C#.
/// A project, allocation or announcement withdrawn by a later import of its document's list is hidden as well (its
/// history stays public: <see cref="Versions"/>).
/// </summary>
public static class Public
{
    /// <summary>Documents, alias <c>d</c>.</summary>
    public const string Documents = "(d.published_at IS NULL OR d.published_at <= @now)";

    /// <summary>The ids of the documents still embargoed at <c>@now</c> (a few; read once per statement).</summary>
    const string EmbargoedDocuments = "SELECT ed.id FROM documents ed WHERE ed.published_at > @now";

    /// <summary>Projects, alias <c>p</c>: the project and the document that lists it.</summary>
    public const string Projects = $"((p.published_at IS NULL OR p.published_at <= @now) AND p.withdrawn_at IS NULL AND p.source_document_id NOT IN ({EmbargoedDocuments}))";

    /// <summary>Allocations, alias <c>a</c>: the cell and its document.</summary>
    public const string Allocations = $"((a.published_at IS NULL OR a.published_at <= @now) AND a.withdrawn_at IS NULL AND a.document_id NOT IN ({EmbargoedDocuments}))";

    /// <summary>The printed totals of allocation tables, alias <c>t</c>: public with their document.</summary>
    public const string AllocationTotals = $"(t.document_id NOT IN ({EmbargoedDocuments}))";

    /// <summary>
    /// The maintained totals (<see cref="RegionTotals"/>), alias <c>t</c>: each row is public from its
    /// <c>visible_from</c>, the time the rows it sums became public by the rules above.
    /// </summary>
    public const string Totals = "(t.visible_from IS NULL OR t.visible_from <= @now)";

    /// <summary>Announcements, alias <c>a</c>: the notice and its source document.</summary>
    public const string Announcements = $"((a.published_at IS NULL OR a.published_at <= @now) AND a.withdrawn_at IS NULL AND a.source_document_id NOT IN ({EmbargoedDocuments}))";

    /// <summary>Performance targets, alias <c>t</c>: the row, its document and its project, where it has them.</summary>
    public const string PerformanceTargets = $"""
        ((t.published_at IS NULL OR t.published_at <= @now) AND (t.document_id IS NULL OR t.document_id NOT IN ({EmbargoedDocuments}))
         AND (t.project_id IS NULL OR EXISTS (SELECT 1 FROM projects p WHERE p.id = t.project_id AND {Projects})))
        """;

    /// <summary>
    /// Versions of records, alias <c>v</c>: a version is public from its <c>visible_at</c> (its commit time, or the
    /// record's publication time when that is later), so an embargoed record's history appears with the record.
    /// </summary>
    public const string Versions = "(v.visible_at <= @now)";

    /// <summary>
    /// A link to a document (a fund link, a contact's or a notice's source) is shown when the document is public:
    /// the condition on the column <paramref name="documentId"/> holding its id.
    /// </summary>
    public static string Document(string documentId) => $"({documentId} NOT IN ({EmbargoedDocuments}))";

    /// <summary>
    /// The project whose id is in <paramref name="projectId"/> is public (for places, fund links, complaints). A query
    /// over projects as <c>p</c> uses <see cref="Projects"/> itself: the subquery's own <c>p</c> would hide the outer one.
    /// </summary>
    public static string Project(string projectId) => projectId.StartsWith("p.", StringComparison.Ordinal)
        ? throw new ArgumentException("Projects aliased p take Public.Projects.", nameof(projectId))
        : $"EXISTS (SELECT 1 FROM projects p WHERE p.id = {projectId} AND {Projects})";
}
