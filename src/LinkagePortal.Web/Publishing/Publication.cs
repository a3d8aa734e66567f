using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LinkagePortal.Publishing;

/// <summary>
/// A county finance bureau's announcement with its projects (places, fund documents, performance targets), read from
/// the JSON a publisher sends and turned into the rows of the importer's data files, so that it is checked and written
/// exactly as an import is (the same rules, the same versions, the fragment index and the totals kept right). Every
/// problem is named by its JSON path (<c>projects[1].amountWan</c>): the body's own, here, and the importer's, mapped
/// back from file, line and column (<see cref="FieldOf"/>). A correction names a published project or announcement, the
/// fields to change and a reason: the stored record with those fields changed is written the same way, and its new
/// version carries the reason.
/// </summary>
public sealed class Publication
{
    /// <summary>A data file of the publication: its columns, rows, and for each row the JSON item it came from.</summary>
    public sealed class DataFile(string dataset, string[] columns, IReadOnlyDictionary<string, string> fields)
    {
        public string Dataset { get; } = dataset;
        public string[] Columns { get; } = columns;

        /// <summary>Column → the JSON field it is read from (relative to the item).</summary>
        public IReadOnlyDictionary<string, string> Fields { get; } = fields;

        public List<(string Item, string?[] Values)> Rows { get; } = [];

        /// <summary>The file as CSV (every cell quoted, RFC 4180), for the importer.</summary>
        public string Csv()
        {
            var text = new StringBuilder();
            text.AppendJoin(',', Columns).Append('\n');
            foreach (var (_, values) in Rows)
            {
                text.AppendJoin(',', values.Select(v => "\"" + (v ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
            }

            return text.ToString();
        }
    }

    const string PortalTable = "通过本站发布";

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
    public string Reference { get; private set; } = "";

    /// <summary>announcement, or correction.</summary>
    public string Kind { get; private set; } = "announcement";

    /// <summary>The record published or corrected: its type (announcements, projects) and id.</summary>
    public string RecordType { get; private set; } = "announcements";

    public string RecordId => Kind == "correction" ? correctedId : AnnouncementId;

    /// <summary>Why a correction was made (the new version's reason).</summary>
    public string? Reason { get; private set; }

    /// <summary>A correction's new values, by column of the record's data file.</summary>
    public Dictionary<string, string?> Corrected { get; } = new(StringComparer.Ordinal);

    string correctedId = "";
    public string AnnouncementId { get; private set; } = "";
    public string CountyCode { get; private set; } = "";
    public DateTime? ScheduledAt { get; private set; }

    /// <summary>A publication time the body claimed (<c>publishedAt</c>): kept on the record, never used.</summary>
    public DateTime? ClaimedAt { get; private set; }

    public List<string> ProjectCodes { get; } = [];
    public List<string> ProjectCounties { get; } = [];

    public DataFile Announcements { get; } = new("announcements",
        ["id", "title", "county_code", "publisher", "arose_on", "published_at", "body", "source_document_id", "note"],
        new Dictionary<string, string> { ["id"] = "id", ["title"] = "title", ["county_code"] = "countyCode", ["publisher"] = "publisher", ["arose_on"] = "aroseOn",
            ["body"] = "body", ["source_document_id"] = "sourceDocumentId", ["note"] = "note" });

    public DataFile Projects { get; } = new("projects",
        ["code", "programme", "fiscal_year", "name", "county_code", "amount_wan", "printed_text", "derivation", "responsible_unit", "category",
         "construction_content", "status", "spent_wan", "fund_document_ids", "source_document_id", "source_table", "row_no", "arose_on", "published_at", "note"],
        new Dictionary<string, string> { ["code"] = "code", ["programme"] = "programme", ["fiscal_year"] = "fiscalYear", ["name"] = "name", ["county_code"] = "countyCode",
            ["amount_wan"] = "amountWan", ["printed_text"] = "printedText", ["derivation"] = "derivation", ["responsible_unit"] = "responsibleUnit",
            ["category"] = "category", ["construction_content"] = "constructionContent", ["status"] = "status", ["spent_wan"] = "spentWan",
            ["fund_document_ids"] = "fundDocumentIds", ["source_table"] = "sourceTable", ["row_no"] = "rowNo", ["arose_on"] = "aroseOn", ["note"] = "note" });

    public DataFile Places { get; } = new("project_places", ["project_code", "place_as_printed", "region_code", "match", "note"],
        new Dictionary<string, string> { ["place_as_printed"] = "asPrinted", ["region_code"] = "regionCode", ["match"] = "match", ["note"] = "note" });

    public DataFile Targets { get; } = new("performance_targets",
        ["document_id", "project_code", "level1", "level2", "level3", "target_value", "unit", "actual_value", "source_table", "note", "arose_on", "published_at"],
        new Dictionary<string, string> { ["level1"] = "level1", ["level2"] = "level2", ["level3"] = "level3", ["target_value"] = "targetValue", ["unit"] = "unit",
            ["actual_value"] = "actualValue", ["note"] = "note" });

    public DataFile Links { get; } = new("announcement_links", ["announcement_id", "project_code", "document_id"], new Dictionary<string, string>());

    public IEnumerable<DataFile> Files => new[] { Announcements, Projects, Places, Targets, Links }.Where(f => f.Rows.Count > 0);

    /// <summary>Reads an announcement publication; the rows' publication time is stamped later (<see cref="Stamp"/>).</summary>
    public static Publication Read(JsonElement root)
    {
        var publication = new Publication();
        publication.ReadRoot(root);
        return publication;
    }

    void ReadRoot(JsonElement root)
    {
        Known(root, "", "reference", "publishedAt", "scheduledAt", "announcement", "projects", "correction");
        Reference = Text(root, "", "reference", 100) ?? "";
        if (Reference.Length == 0)
        {
            Fail("reference", "必填：本单位给这次发布的编号（同一编号重复提交只发布一次）。");
        }

        if (root.TryGetProperty("correction", out var correction))
        {
            ReadCorrection(correction);
            return;
        }

        ClaimedAt = Time(root, "", "publishedAt");
        ScheduledAt = Time(root, "", "scheduledAt");
        if (!root.TryGetProperty("announcement", out var announcement) || announcement.ValueKind != JsonValueKind.Object)
        {
            Fail("announcement", "必填：一则公告公示（对象），及其所列项目 projects。");
            return;
        }

        Known(announcement, "announcement.", [.. Announcements.Fields.Values]);
        AnnouncementId = Text(announcement, "announcement.", "id", 64) ?? "";
        CountyCode = Text(announcement, "announcement.", "countyCode", 12) ?? "";
        var source = Text(announcement, "announcement.", "sourceDocumentId", 64);
        var aroseOn = Text(announcement, "announcement.", "aroseOn", 10);
        Announcements.Rows.Add(("announcement", [AnnouncementId, Text(announcement, "announcement.", "title", 500), CountyCode,
            Text(announcement, "announcement.", "publisher", 200), aroseOn, null, Text(announcement, "announcement.", "body", 20000), source,
            Text(announcement, "announcement.", "note", 2000)]));

        if (!root.TryGetProperty("projects", out var projects))
        {
            return;
        }

        if (projects.ValueKind != JsonValueKind.Array)
        {
            Fail("projects", "必须是数组：公告所列的项目。");
            return;
        }

        var index = 0;
        foreach (var project in projects.EnumerateArray())
        {
            ReadProject(project, $"projects[{index}]", index, source, aroseOn);
            index++;
        }
    }

    void ReadProject(JsonElement project, string path, int index, string? source, string? aroseOn)
    {
        if (project.ValueKind != JsonValueKind.Object)
        {
            Fail(path, "每个项目必须是一个对象。");
            return;
        }

        var prefix = path + ".";
        Known(project, prefix, [.. Projects.Fields.Values, "places", "targets"]);
        var code = Text(project, prefix, "code", 64) ?? "";
        var county = Text(project, prefix, "countyCode", 12) ?? CountyCode;
        ProjectCodes.Add(code);
        ProjectCounties.Add(county);
        Projects.Rows.Add((path, [code, Text(project, prefix, "programme", 16) ?? "linkage", Text(project, prefix, "fiscalYear", 4), Text(project, prefix, "name", 500),
            county, Text(project, prefix, "amountWan", 32), Text(project, prefix, "printedText", 100), Text(project, prefix, "derivation", 16) ?? "printed",
            Text(project, prefix, "responsibleUnit", 200), Text(project, prefix, "category", 200), Text(project, prefix, "constructionContent", 2000),
            Text(project, prefix, "status", 100), Text(project, prefix, "spentWan", 32), List(project, prefix, "fundDocumentIds"), source,
            Text(project, prefix, "sourceTable", 200) ?? PortalTable, Text(project, prefix, "rowNo", 9) ?? (index + 1).ToString(CultureInfo.InvariantCulture),
            Text(project, prefix, "aroseOn", 10) ?? aroseOn, null, Text(project, prefix, "note", 2000)]));
        Links.Rows.Add((path, [AnnouncementId, code, null]));

        foreach (var (place, placePath) in Items(project, prefix, "places"))
        {
            Known(place, placePath + ".", [.. Places.Fields.Values]);
            var region = Text(place, placePath + ".", "regionCode", 12);
            Places.Rows.Add((placePath, [code, Text(place, placePath + ".", "asPrinted", 200), region,
                Text(place, placePath + ".", "match", 16) ?? (region is null ? "unresolved" : "exact"), Text(place, placePath + ".", "note", 500)]));
        }

        foreach (var (target, targetPath) in Items(project, prefix, "targets"))
        {
            Known(target, targetPath + ".", [.. Targets.Fields.Values]);
            var p = targetPath + ".";
            Targets.Rows.Add((targetPath, [null, code, Text(target, p, "level1", 100), Text(target, p, "level2", 100), Text(target, p, "level3", 200),
                Text(target, p, "targetValue", 100), Text(target, p, "unit", 32), Text(target, p, "actualValue", 100), $"绩效目标表（{PortalTable}）",
                Text(target, p, "note", 500), aroseOn, null]));
        }
    }

    void ReadCorrection(JsonElement correction)
    {
        Kind = "correction";
        if (correction.ValueKind != JsonValueKind.Object)
        {
            Fail("correction", "必须是对象：recordType、recordId、reason 和要更正的 fields。");
            return;
        }

        Known(correction, "correction.", "recordType", "recordId", "reason", "fields");
        RecordType = Text(correction, "correction.", "recordType", 32) ?? "";
        correctedId = Text(correction, "correction.", "recordId", 64) ?? "";
        Reason = Text(correction, "correction.", "reason", 500);
        var file = RecordType switch { "projects" => Projects, "announcements" => Announcements, _ => null };
        if (file is null)
        {
            Fail("correction.recordType", "只能更正 projects（项目）或 announcements（公告公示）。");
            return;
        }

        if (correctedId.Length == 0)
        {
            Fail("correction.recordId", "必填：要更正的项目编号或公告 id。");
        }

        if (Reason is null)
        {
            Fail("correction.reason", "必填：更正的原因（记入修改记录）。");
        }

        if (!correction.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object || !fields.EnumerateObject().Any())
        {
            Fail("correction.fields", "必填：要更正的字段及其新值，如 {\"amountWan\": 81.2}。");
            return;
        }

        var columns = file.Fields.Where(f => f.Key is not ("code" or "id" or "county_code")).ToDictionary(f => f.Value, f => f.Key, StringComparer.Ordinal);
        Known(fields, "correction.fields.", [.. columns.Keys]);
        foreach (var (field, column) in columns.Where(c => fields.TryGetProperty(c.Key, out _)))
        {
            Corrected[column] = field == "fundDocumentIds" ? List(fields, "correction.fields.", field) : Text(fields, "correction.fields.", field, 20000);
        }
    }

    /// <summary>
    /// The corrected record's row: its stored values (by column of its data file, as the file writes them) with the
    /// correction's fields in their place.
    /// </summary>
    public void Correct(IReadOnlyDictionary<string, string?> stored)
    {
        var file = RecordType == "projects" ? Projects : Announcements;
        file.Rows.Add(("correction.fields", file.Columns.Select(c => Corrected.TryGetValue(c, out var value) ? value : stored.GetValueOrDefault(c)).ToArray()));
    }

    /// <summary>Gives every row the publication time the server stamped (UTC, whole seconds).</summary>
    public void Stamp(DateTime publishedAt)
    {
        var text = publishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var file in new[] { Announcements, Projects, Targets })
        {
            var column = Array.IndexOf(file.Columns, "published_at");
            foreach (var (_, values) in file.Rows)
            {
                values[column] = text;
            }
        }
    }

    /// <summary>The JSON path of an importer's error: the item of the file's row, and the field of its column.</summary>
    public string FieldOf(string file, int line, string column)
    {
        var data = Files.FirstOrDefault(f => file.StartsWith(f.Dataset + ".", StringComparison.Ordinal));
        if (data is null || line < 2 || line - 2 >= data.Rows.Count)
        {
            return "body";
        }

        var item = data.Rows[line - 2].Item;
        return data.Fields.TryGetValue(column, out var field) ? $"{item}.{field}" : Kind == "correction" ? "correction" : item;
    }

    void Fail(string field, string message) => Errors.TryAdd(field, [message]);

    void Known(JsonElement item, string prefix, params string[] fields)
    {
        foreach (var property in item.EnumerateObject().Where(p => !fields.Contains(p.Name, StringComparer.Ordinal)))
        {
            Fail(prefix + property.Name, $"未知字段；可用字段：{string.Join("、", fields)}。");
        }
    }

    /// <summary>A text or number field as text (null when absent); anything else, or one too long, is an error naming it.</summary>
    string? Text(JsonElement item, string prefix, string name, int maxLength)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            Fail(prefix + name, "必须是文字或数字。");
        }
        else if (text.Length > maxLength)
        {
            Fail(prefix + name, $"最多 {maxLength} 个字，现有 {text.Length} 个。");
        }

        return text is { Length: > 0 } ? text : null;
    }

    string? List(JsonElement item, string prefix, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            Fail(prefix + name, "必须是文件 id 的数组，如 [\"tdcz-2023-11\"]。");
            return null;
        }

        return string.Join(';', value.EnumerateArray().Select(v => v.GetString()!.Trim()));
    }

    IEnumerable<(JsonElement Item, string Path)> Items(JsonElement item, string prefix, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Object))
        {
            Fail(prefix + name, "必须是对象的数组。");
            return [];
        }

        return value.EnumerateArray().Select((v, i) => (v, $"{prefix}{name}[{i}]")).ToList();
    }

    DateTime? Time(JsonElement item, string prefix, string name)
    {
        if (Text(item, prefix, name, 40) is not { } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Fail(prefix + name, $"“{text}”不是带时区的时间，应写作 2026-06-01T09:00:00+08:00。");
            return null;
        }

        return time.UtcDateTime;
    }
}
