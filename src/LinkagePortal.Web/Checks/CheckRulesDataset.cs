using Dapper;
using LinkagePortal.Import;

namespace LinkagePortal.Checks;

/// <summary>
/// <c>content/data/check_rules.csv</c>: the rules the accountability checks apply, each with the document, article and
/// exact words that state it. Loaded through the importer like every data file (all or nothing, errors with file,
/// line and column); every row's document must exist.
/// </summary>
public sealed class CheckRulesDataset : Dataset<CheckRulesDataset.Row>
{
    public sealed record Row(string id, string check_kind, string title, string document_id, string article, string quote, string? keywords,
        string source, string? note);

    public override string Name => "check_rules";
    public override string[] Columns => ["id", "check", "title", "document_id", "article", "quote", "keywords", "source", "note"];

    protected override string? Key(Row row) => row.id;

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var id = r.Slug("id");
        var document = c.RequiredDocument(r, "document_id");
        var kind = r.OneOf("check", CheckKinds.Values);
        var keywords = r.Optional("keywords");
        if (keywords is not null && keywords.Split(';').Any(k => k.Trim().Length == 0))
        {
            r.Fail("keywords", "has an empty word; separate words with a single ';'");
        }

        if (keywords is null && CheckKinds.All.Any(k => k.Value == kind && k.ScreensByKeywords))
        {
            r.Fail("keywords", $"is empty; a {kind} rule screens by its keywords");
        }

        return new Row(id, kind, r.Required("title"), document, r.Required("article"), r.Required("quote"), keywords, r.Required("source"), r.Optional("note"));
    }

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(c.Dialect.Upsert("check_rules", ["id"], ["id", "check_kind", "title", "document_id", "article", "quote", "keywords", "source", "note"]),
            row, c.Transaction);
}

/// <summary>
/// A kind of check: its value (in the rules data, the results and the API's <c>check</c> filter) and what /checks
/// says of it: its title and what it does, in plain Chinese.
/// </summary>
public sealed record CheckKind(string Value, string Title, string Explanation)
{
    /// <summary>Its rules screen projects' names and contents by their keywords, which they must therefore have.</summary>
    public bool ScreensByKeywords { get; init; }
}

/// <summary>The kinds of check, in the order /checks explains them.</summary>
public static class CheckKinds
{
    public static readonly CheckKind Reconciliation = new("reconciliation", "资金对账",
        "把三样数字并排放：上级分配表下达给这个县的钱（按文件、按任务），这个县公布的项目加起来的钱，这个县自己的报告里说收到或花了多少。"
        + "相等就是“一致”，不等就给出差额。两份文件说法不一样时，两个数字和各自的出处都列出来，门户不替任何一方下结论。");

    public static readonly CheckKind Detailing = new("detailing", "30日内细化到项目",
        "钱下达到县以后，县要在30日内把钱落实到具体项目。数据里有下达的钱、却一个项目也没有列出，而且已经过了30日，就提示出来。"
        + "文件没有印日期、算不出是否过了30日的，写“无法判断”。");

    public static readonly CheckKind NoticeCompleteness = new("notice-completeness", "公告公示是否齐全",
        "文件要求公开资金年度使用计划、支持项目、建设内容、补助标准、资金来源及额度；各地公告还印有监督电话。"
        + "逐则公告、逐个项目看这几项有没有写，写了是“已公开”，没写是“未见”，对这一对象不适用的是“不适用”；每个县给出一个公开率。");

    public static readonly CheckKind NegativeList = new("negative-list", "负面清单提示",
        "衔接资金不得用于单位基本支出、交通工具及通讯设备、楼堂馆所、奖金津贴福利、还债垫资、弥补企业亏损、城市基础设施建设。"
        + "项目名称或建设内容里出现相关的词，就列出来并标出是哪些词。这只是提醒大家去看，不等于违规。") { ScreensByKeywords = true };

    public static readonly CheckKind ManagementFee = new("management-fee", "项目管理费不超过1%",
        "县里可以从衔接资金中列支项目管理费，但最多1%。名称里是项目管理费的项目，和这个县当年同类资金比一比。数据里没有这种项目时，这一项没有结果。") { ScreensByKeywords = true };

    public static readonly CheckKind ComplaintHandling = new("complaint-handling", "投诉办理情况",
        "根据登记的投诉，按县统计：还有多少件没办完，办完的从收到到办结一般用了多少天（中位数），收到超过30天还没办完的有几件。"
        + "只给数字，不显示任何投诉内容。文件没有规定办理时限，所以这里不作评判。");

    public static readonly IReadOnlyList<CheckKind> All = [Reconciliation, Detailing, NoticeCompleteness, NegativeList, ManagementFee, ComplaintHandling];

    /// <summary>The kinds' values: what the rules data may say and the API documents.</summary>
    public static readonly string[] Values = [.. All.Select(k => k.Value)];
}
