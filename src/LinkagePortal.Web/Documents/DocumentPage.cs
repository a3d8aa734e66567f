using LinkagePortal.Rendering;
using LinkagePortal.Rendering.Charts;

namespace LinkagePortal.Documents;

/// <summary>
/// A fund document and its allocation tables laid out as printed: the grand total, each prefecture's subtotal row
/// followed by its counties, one column per task. Subtotals are the printed ones, checked against their counties;
/// figures that were computed or corrected are marked and footnoted with how they were obtained.
/// </summary>
public static class DocumentPage
{
    // In the order the data files give them (ids), never by the tables' Chinese names.
    const string Cells = $"""
        SELECT {AllocationRecords.Columns}
        {AllocationRecords.From}
        WHERE a.document_id = @id AND {Public.Allocations}
        ORDER BY a.id
        """;

    const string Totals = $"""
        SELECT {AllocationRecords.TotalColumns}
        {AllocationRecords.TotalsFrom}
        WHERE t.document_id = @id
        ORDER BY t.id
        """;

    const string FundedProjects = $"""
        {ProjectRecords.Select} {ProjectRecords.From} JOIN project_funds f ON f.project_id = p.id
        WHERE f.document_id = @id AND {Public.Projects}
        ORDER BY p.code
        """;

    const string CountFundedProjects = $"""
        SELECT COUNT(*) FROM project_funds f JOIN projects p ON p.id = f.project_id
        WHERE f.document_id = @id AND {Public.Projects}
        """;

    const string ListedProjects = $"""
        {ProjectRecords.Select} {ProjectRecords.From}
        WHERE p.source_document_id = @id AND {Public.Projects}
        ORDER BY p.code
        """;

    const string CountListedProjects = $"SELECT COUNT(*) FROM projects p WHERE p.source_document_id = @id AND {Public.Projects}";

    const string Announcements = $"""
        {AnnouncementRecords.Select}
        {AnnouncementRecords.From}
        WHERE {Public.Announcements}
          AND (a.source_document_id = @id OR a.id IN (SELECT ad.announcement_id FROM announcement_documents ad WHERE ad.document_id = @id))
        ORDER BY a.published_at, a.id
        """;

    public sealed record Column(string Task, string Header);

    /// <summary>One cell; <see cref="NoteNumber"/> points at the footnote of a derived or corrected figure.</summary>
    public sealed record Cell(long? AmountYuan, string Derivation, int? NoteNumber)
    {
        public string Text => AmountYuan is { } yuan ? Money.FormatWan(yuan) : "";
        public bool IsMarked => Derivation != "printed";
        public string DerivationLabel => Labels.Derivation(Derivation);
    }

    /// <summary>A row: <c>total</c> (the whole table), <c>subtotal</c> (a prefecture, as printed) or <c>county</c>.</summary>
    public sealed record Row(string Kind, string RegionCode, string RegionName, string PrintedName, IReadOnlyList<Cell> Cells, string? Check, bool CheckFails)
    {
        public bool PrintedNameDiffers => PrintedName != RegionName;
    }

    public sealed record Footnote(int Number, string RegionName, string PrintedName, string DerivationLabel, string? PrintedText, string? Note);

    public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<Row> Rows, int CountyCount, int SubtotalCount, IReadOnlyList<Footnote> Footnotes);

    public sealed record ProjectList(long Count, IReadOnlyList<ProjectRecord> Projects) : FirstRows(Count, Projects.Count);

    public sealed record Model(
        DocumentRecord Document,
        IReadOnlyList<Table> Tables,
        ProjectList Funded,
        ProjectList Listed,
        IReadOnlyList<AnnouncementRecord> Announcements,
        IReadOnlyList<TargetTable> Targets)
    {
        /// <summary>The allocations by prefecture as a bar chart, for a document allocating to more than one; null otherwise.</summary>
        public BarChart? Chart { get; init; }
    }

    /// <summary>The page's model, or null when there is no such visible document.</summary>
    public static async Task<Model?> LoadAsync(Db db, string id, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        var args = new { id, now, take = FirstRows.Shown };
        var document = await DocumentRecords.ByIdAsync(connection, id, now);
        if (document is null)
        {
            return null;
        }

        var cells = (await connection.QueryAsync<AllocationRecord>(Cells, args)).ToList();
        var totals = (await connection.QueryAsync<AllocationRecord>(Totals, args)).ToList();
        var funded = new ProjectList(await connection.ExecuteScalarAsync<long>(CountFundedProjects, args),
            (await connection.QueryAsync<ProjectRecord>(FundedProjects + db.Dialect.Limit("@take"), args)).ToList());
        var listed = new ProjectList(await connection.ExecuteScalarAsync<long>(CountListedProjects, args),
            (await connection.QueryAsync<ProjectRecord>(ListedProjects + db.Dialect.Limit("@take"), args)).ToList());
        return new Model(document, BuildTables(cells, totals), funded, listed,
            (await connection.QueryAsync<AnnouncementRecord>(Announcements, args)).ToList(), await PerformanceTargetRecords.OfDocumentAsync(connection, id, now))
        {
            Chart = PrefectureChart(document, await AllocationRecords.SumsByPrefectureAsync(connection, id, now)),
        };
    }

    static BarChart? PrefectureChart(DocumentRecord document, IReadOnlyList<RegionAmount> prefectures)
    {
        if (prefectures.Count < 2)
        {
            return null;
        }

        var largest = prefectures.MaxBy(p => p.AmountYuan)!;
        return BarChart.Build("chart-prefectures", $"{document.Name}按地（州、市）分配的资金",
            $"{prefectures.Count}个地（州、市）共 {Money.FormatWan(prefectures.Sum(p => p.AmountYuan))} 万元（各县之和，不含“其中”列）；"
            + $"最多的是{largest.Name}，{Money.FormatWan(largest.AmountYuan)} 万元。",
            "地（州、市）", ["分配资金"], prefectures.Select(p => new BarChart.Input(p.Name, "/regions/" + p.Code, [p.AmountYuan])).ToList());
    }

    static List<Table> BuildTables(List<AllocationRecord> cells, List<AllocationRecord> totals)
    {
        // Footnotes are numbered through the whole page, so that each anchor is unique.
        var tables = new List<Table>();
        foreach (var name in cells.Select(c => c.SourceTable).Concat(totals.Select(t => t.SourceTable)).Distinct())
        {
            tables.Add(BuildTable(name, cells.Where(c => c.SourceTable == name).ToList(), totals.Where(t => t.SourceTable == name).ToList(),
                tables.Sum(t => t.Footnotes.Count)));
        }

        return tables;
    }

    static Table BuildTable(string name, List<AllocationRecord> cells, List<AllocationRecord> totals, int notesBefore)
    {
        // Columns: the all-tasks total first (when printed), then each task in the order the table gives it.
        var columns = new List<Column>();
        if (totals.Any(t => t.Task.Length == 0))
        {
            columns.Add(new Column("", "合计（全部任务）"));
        }

        foreach (var cell in cells.OrderBy(c => c.RowNo))
        {
            if (columns.All(c => c.Task != cell.Task))
            {
                columns.Add(new Column(cell.Task, cell.PartOfTask is null ? cell.Task : $"其中：{cell.Task}"));
            }
        }

        foreach (var total in totals.Where(t => t.Task.Length > 0 && columns.All(c => c.Task != t.Task)))
        {
            columns.Add(new Column(total.Task, total.Task));
        }

        var footnotes = new List<Footnote>();
        Cell MakeCell(long? amount, string derivation, string regionName, string printedName, string? printedText, string? note)
        {
            if (amount is null || derivation == "printed")
            {
                return new Cell(amount, derivation, null);
            }

            var number = notesBefore + footnotes.Count + 1;
            footnotes.Add(new Footnote(number, regionName, printedName, Labels.Derivation(derivation), printedText, note));
            return new Cell(amount, derivation, number);
        }

        long? CountyValue(string region, string task) =>
            cells.FirstOrDefault(c => c.RegionCode == region && c.Task == task)?.AmountYuan
            ?? totals.FirstOrDefault(t => t.RegionCode == region && t.Task == task)?.AmountYuan;

        // Counties: those with cells, and those the table only totals (a county's all-tasks figure), in printed order.
        var counties = cells.GroupBy(c => c.RegionCode)
            .Select(g => (Code: g.Key, First: g.Min(c => c.RowNo ?? long.MaxValue), g.First().RegionName, g.First().RegionNamePrinted))
            .Concat(totals.Where(t => t.RegionLevel == "county" && cells.All(c => c.RegionCode != t.RegionCode))
                .Select(t => (Code: t.RegionCode, First: long.MaxValue, t.RegionName, t.RegionNamePrinted)))
            .DistinctBy(c => c.Code)
            .OrderBy(c => c.First)
            .ToList();

        Row CountyRow((string Code, long First, string RegionName, string PrintedName) county) => new("county", county.Code, county.RegionName, county.PrintedName,
            columns.Select(column =>
            {
                var cell = cells.FirstOrDefault(c => c.RegionCode == county.Code && c.Task == column.Task);
                if (cell is not null)
                {
                    return MakeCell(cell.AmountYuan, cell.Derivation, cell.RegionName, cell.RegionNamePrinted, cell.PrintedText, cell.Note);
                }

                var total = totals.FirstOrDefault(t => t.RegionCode == county.Code && t.Task == column.Task);
                return total is null ? new Cell(null, "printed", null) : MakeCell(total.AmountYuan, total.Derivation, total.RegionName, total.RegionNamePrinted, total.PrintedText, total.Note);
            }).ToList(), null, false);

        // A printed total and whether its counties add up to it, column by column.
        Row TotalRowOf(string kind, string code, IReadOnlyList<string> countyCodes)
        {
            var printed = totals.Where(t => t.RegionCode == code).ToList();
            var first = printed[0];
            var problems = new List<string>();
            var rowCells = columns.Select(column =>
            {
                var total = printed.FirstOrDefault(t => t.Task == column.Task);
                if (total is null)
                {
                    return new Cell(null, "printed", null);
                }

                var sum = countyCodes.Sum(c => CountyValue(c, column.Task) ?? 0);
                if (sum != total.AmountYuan)
                {
                    problems.Add($"{column.Header}：各县之和 {Money.FormatWan(sum)} 万元，差 {Money.FormatWan(total.AmountYuan - sum)} 万元");
                }

                return MakeCell(total.AmountYuan, total.Derivation, total.RegionName, total.RegionNamePrinted, total.PrintedText, total.Note);
            }).ToList();
            var check = countyCodes.Count == 0 ? "表中未列所属各县" : problems.Count == 0 ? $"与所列{countyCodes.Count}个县（市、区）之和相符" : string.Join("；", problems);
            return new Row(kind, code, first.RegionName, first.RegionNamePrinted, rowCells, check, countyCodes.Count > 0 && problems.Count > 0);
        }

        var rows = new List<Row>();
        if (totals.Any(t => t.RegionLevel == "province"))
        {
            rows.Add(TotalRowOf("total", totals.First(t => t.RegionLevel == "province").RegionCode, counties.Select(c => c.Code).ToList()));
        }

        var subtotalCodes = totals.Where(t => t.RegionLevel == "prefecture").Select(t => t.RegionCode).Distinct().ToList();
        var groups = counties.GroupBy(c => c.Code[..4]).ToList();
        foreach (var group in groups)
        {
            if (subtotalCodes.Contains(group.Key))
            {
                rows.Add(TotalRowOf("subtotal", group.Key, group.Select(c => c.Code).ToList()));
            }

            rows.AddRange(group.Select(CountyRow));
        }

        foreach (var code in subtotalCodes.Where(code => groups.All(g => g.Key != code)))
        {
            rows.Add(TotalRowOf("subtotal", code, []));
        }

        return new Table(name, columns, rows, counties.Count, subtotalCodes.Count, footnotes);
    }
}
