using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>/api/v1/documents: the fund and rules documents every figure comes from.</summary>
public static class DocumentsApi
{
    static readonly IReadOnlyList<ApiField<DocumentRecord>> Fields =
    [
        new("id", FieldType.Code, "文件的稳定标识（ASCII 短名，如 xcz-2024-9），也用在 /documents/{id} 地址中。", d => d.Id) { Pattern = CodePatterns.Slug },
        new("number", FieldType.Text, "发文字号，括号统一为〔〕（如 新财振〔2024〕9号）。", d => d.Number) { Nullable = true, NullMeans = "文件没有文号" },
        new("title", FieldType.Text, "文件标题。", d => d.Title),
        new("issuer", FieldType.Text, "发文机关。", d => d.Issuer),
        new("issuedOn", FieldType.Date, "发文（落款）日期。", d => d.IssuedOn) { Nullable = true, NullMeans = "原文未印日期" },
        new("fundLevel", FieldType.Enum, "资金的级次：central 中央，region 自治区，prefecture 地区，county 县。", d => d.FundLevel)
            { Values = Vocabulary.FundLevels.Values, Nullable = true, NullMeans = "不适用（规则文件等）" },
        new("fiscalYear", FieldType.Integer, "资金年度。", d => d.FiscalYear) { Nullable = true, NullMeans = "不适用" },
        new("kind", FieldType.Enum, "文件类别：allocation 资金分配，bond 债券，rules 管理规定，disclosure 公开材料，report 资金使用情况。", d => d.Kind) { Values = Vocabulary.DocumentKinds.Values },
        new("task", FieldType.Text, "文件下达资金的主要任务。", d => d.Task) { Nullable = true },
        new("budgetSubjects", FieldType.Text, "支出功能分类科目编码，多个用 ; 分隔。", d => d.BudgetSubjects) { Nullable = true, HoldsCodes = true },
        new("directFundFlag", FieldType.Text, "直达资金标识，照原文。", d => d.DirectFundFlag) { Nullable = true, HoldsCodes = true },
        new("aroseOn", FieldType.Date, "信息形成日期（公开时限从这天算起）。", d => d.AroseOn) { Nullable = true, NullMeans = "原文未说明" },
        new("publishedAt", FieldType.DateTime, "公开时间（北京时间）。", d => d.PublishedAt) { Nullable = true, NullMeans = "已公开，来源未说明公开时间" },
        new("source", FieldType.Text, "数据出自文件的哪一部分（正文、附件、表）；文件收录在另一份公开文件中时，写明那份文件的发文机关、标题、文号和日期。", d => d.Citation),
        new("printedInDocumentId", FieldType.Code, "收录这份文件的公开文件的 id（如县的预算公开收录的上级文件），见 /documents/{id}。", d => d.PrintedIn?.Id)
            { Nullable = true, NullMeans = "文件单独公开" },
        new("note", FieldType.Text, "整理说明：识读、更正与原文不一致之处。", d => d.Note) { Nullable = true },
    ];

    /// <summary>The list: its dataset's name, SQL, key and fields (the catalog reads them from here).</summary>
    public static readonly ListSource<DocumentRecord> Source = new()
    {
        Dataset = "documents", Select = DocumentRecords.Select, From = DocumentRecords.From, Key = "d.id", KeyKind = KeyKind.Text, KeyOf = d => d.Id, Fields = Fields,
        AttachChildren = (connection, batch, scope) => DocumentRecords.WithPrintedInAsync(connection, batch, scope.Now),
    };

    static readonly ApiParam Number = new("number", ParamKind.Text, "按发文字号精确查找，如 新财振〔2024〕9号。") { Example = "新财振〔2024〕9号" };
    static readonly ApiParam Year = new("year", ParamKind.Integer, "资金年度。") { Example = "2024" };
    static readonly ApiParam Kind = new("kind", ParamKind.Enum, "文件类别。") { Values = Vocabulary.DocumentKinds.Values, Example = "allocation" };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapList("/documents", "文件列表", "资金分配文件、规定和公开材料。", [Number, Year, Kind, ApiParam.PublishedFrom, ApiParam.PublishedTo], Source, (query, filter, _, _) =>
        {
            filter.And(Public.Documents);
            query.FilterPublished(filter, "d.published_at");
            if (query.Text("number") is { } number)
            {
                filter.And("d.number = @number", new { number });
            }

            if (query.Integer("year") is { } year)
            {
                filter.And("d.fiscal_year = @year", new { year });
            }

            if (query.Text("kind") is { } kind)
            {
                filter.And("d.kind = @kind", new { kind });
            }

            return Task.FromResult<IResult?>(null);
        });

        api.MapItem("/documents/{id}", "一份文件", Source, "d.id = @id", [Public.Documents], ("id", "文件 id，如 xcz-2024-9。", "xcz-2024-9"),
            "没有 id 为 {0} 的已公开文件。");
    }
}
