using System.Text.Json.Nodes;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>The data dictionary: the rules that hold for every dataset, then every field of every dataset.</summary>
public static class Dictionary
{
    public sealed record Note(string Topic, string Text);

    public static readonly IReadOnlyList<Note> Notes =
    [
        new("CSV 格式",
            "CSV 按 RFC 4180：逗号分隔，第一行是字段名（与 JSON 字段名相同），记录之间用 CRLF 换行；含逗号、双引号或换行的单元格用双引号括起，内部双引号写两次。" +
            "编码为 UTF-8，默认在文件开头写字节顺序标记（BOM），Excel 双击打开即可正确显示中文；加 ?bom=false 不写 BOM。CSV 一次给出全部匹配的行，不分页。"),
        new("编码保持文本",
            "区划代码、项目编号、文件 id 等编码在 JSON 中是字符串，在 CSV 中原样写出（不加千分位、不补零、不转为数字），datapackage.json 中类型为 string。" +
            "Excel 双击打开 CSV 时会把 12 位村代码显示成 6.54202E+11，保存后就丢了原值。两种办法：在 Excel 中用“数据 → 自文本/CSV”导入，把编码列的类型设为“文本”；" +
            "或下载时加 ?excel=true，编码单元格写成 =\"654202109200\"，双击打开也按文本显示（这种文件不适合 R、Python 等工具读取）。" +
            "excel=true 时这样写的列：" + ExcelTextColumns() + "；此外任何列中以 0 开头的纯数字（如 01）和超过 11 位的纯数字也这样写。"),
        new("公式防护",
            "文本单元格如果以 =、+、-、@、制表符或回车开头，电子表格会把它当公式执行。CSV 中这类文本前面加一个英文单引号 '（如 '=项目），只作用于文本列；数字列（金额、年度、序号）保持数字，负数照写。" +
            "JSON 中的文本不做任何改动。"),
        new("金额",
            "金额以万元为单位，字段名带单位（amountWan、spentWan），是精确小数：数据库按元存整数，换算成万元时不四舍五入，合计可以精确相加。原件印作亿元的已精确换算，原样保留在 printedText。"),
        new("数字的来历（derivation）",
            "printed：照原件；derived：原件不可辨认，由原件印出的合计推算（note 写明算法）；corrected：明显的扫描错误已更正（如“8O0”→ 800），printedText 保留原件写法。"),
        new("项目的资金类别（programme）",
            "projects 默认只列财政衔接推进乡村振兴补助资金项目（programme=linkage）。县级预算公开中还有地方政府债券项目（programme=bond），" +
            "要看债券项目加 ?programme=bond，两者都要加 ?programme=all。例如乌苏市（654202）有 13 个衔接资金项目和 38 个 2023 年债券项目。"),
        new("区划筛选",
            "region 参数包含其所有下级：6542 塔城地区包括其下各县。项目和公告按县级代码筛选到县；给出乡镇（9 位）或村（12 位）代码时，按项目的建设地点筛选。"),
        new("空值",
            "JSON 中的 null、CSV 中的空单元格表示“没有这个值”，每个字段的“空值含义”一栏说明原因（原件未印、不适用、未公开）。" +
            "绩效目标表目前都是空白模板：targetValue、unit、actualValue 为 null，表示未公开，不是零也不是空字符串。"),
        new("公开时间",
            "每条记录在其公开时间（publishedAt）之前不出现在任何接口、下载或统计中，到时自动出现。publishedAt 为空表示已公开、来源未说明公开时间。公告的落款日期（signedOn）是公告末尾发布单位旁印的日期，不是公开时间：乌苏市两则公告只印有落款日期，publishedAt 为空。时间一律是北京时间，带 +08:00。"),
        new("分页与缓存",
            "JSON 列表每页最多 1000 条（limit，默认 100），响应是 { \"total\": 匹配总数, \"items\": [...], \"next\": 下一页地址或 null }，下一页地址也在 Link 响应头（rel=\"next\"）；include_total=false 时不数总数（total 为 null），逐页抓取全部数据时每页只读本页的行。" +
            "游标按主键定位，翻页期间新增的记录不会让已有记录重复或遗漏。每个响应带 ETag 和 Last-Modified，条件请求未变时返回 304。允许任何网站跨域 GET（CORS）。"),
        new("查询参数",
            "每个接口只接受 OpenAPI 文档列出的参数；拼错或多余的参数（如 regoin、page）返回 400，并说明是哪个参数、可用参数有哪些。" +
            "网页和客户端常附加的跟踪与防缓存参数不属于接口，忽略不计，也不影响缓存：" + string.Join("、", ApiQuery.IgnoredParameters) + "。"),
        new("稳定标识",
            "文件 id（如 xcz-2024-9）、项目编号（如 654202-2024-001）、公告 id 和区划代码不会改变，可以长期引用。"),
    ];

    static string ExcelTextColumns() => string.Join("；", OpenDatasets.All.Select(d =>
        d.Name + " 的 " + string.Join("、", d.Fields.Where(f => f.InCsv && f.KeptAsTextInExcel).Select(f => f.Name))));

    public static string TypeLabel(FieldType type) => type switch
    {
        FieldType.Text => "文本",
        FieldType.Code => "编码（文本）",
        FieldType.Enum => "枚举（文本）",
        FieldType.Integer => "整数",
        FieldType.Decimal => "小数",
        FieldType.Date => "日期 YYYY-MM-DD",
        FieldType.DateTime => "时间 ISO 8601（+08:00）",
        FieldType.List => "列表（JSON 数组；CSV 用 ; 分隔）",
        _ => "对象列表（仅 JSON）",
    };

    public static JsonObject Json(string baseUrl) => new()
    {
        ["title"] = "新疆财政衔接推进乡村振兴补助资金公开数据：数据字典",
        ["api"] = baseUrl + "/api/v1/openapi.json",
        ["notes"] = new JsonArray([.. Notes.Select(n => (JsonNode)new JsonObject { ["topic"] = n.Topic, ["text"] = n.Text })]),
        ["datasets"] = new JsonArray([.. OpenDatasets.All.Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d.Name,
            ["title"] = d.Title,
            ["description"] = d.Description,
            ["csv"] = baseUrl + d.CsvPath,
            ["json"] = baseUrl + d.JsonPath,
            ["fields"] = FieldsJson(d.Fields),
        })]),
    };

    static JsonArray FieldsJson(IEnumerable<ApiField> fields) => new([.. fields.Select(f =>
    {
        var field = new JsonObject
        {
            ["name"] = f.Name,
            ["type"] = f.Type.ToString().ToLowerInvariant(),
            ["typeLabel"] = TypeLabel(f.Type),
            ["description"] = f.Description,
            ["nullable"] = f.Nullable,
            ["inJson"] = f.InJson,
            ["inCsv"] = f.InCsv,
            ["excelText"] = f.InCsv && f.KeptAsTextInExcel,
        };
        if (f.Pattern is not null)
        {
            field["pattern"] = f.Pattern;
        }

        if (f.Unit is not null)
        {
            field["unit"] = f.Unit;
        }

        if (f.NullMeans is not null)
        {
            field["nullMeans"] = f.NullMeans;
        }

        if (f.Values.Length > 0)
        {
            field["values"] = new JsonArray([.. f.Values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        if (f.SubFields.Count > 0)
        {
            field["fields"] = FieldsJson(f.SubFields);
        }

        return (JsonNode)field;
    })]);
}
