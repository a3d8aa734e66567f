namespace LinkagePortal.Rendering;

/// <summary>
/// The <c>&lt;meta name="description"&gt;</c> of every page: a sentence per kind of page (by its template) naming
/// the page's own subject (its title), so that each page has its own and a page added later has one by default.
/// Kept here, beside the layout, so that no endpoint needs to pass one.
/// </summary>
public static class PageDescriptions
{
    const string Portal = "新疆财政衔接推进乡村振兴补助资金的公开文件、资金分配、项目和公告公示，每个数字注明出处";

    static readonly Dictionary<string, string> ByTemplate = new(StringComparer.Ordinal)
    {
        ["Home/HomePage"] = Portal + "：按地区查资金和项目，查监督举报电话，下载开放数据。",
        ["Regions/RegionPage"] = "{0}收到的衔接资金：来自哪些资金文件、用于哪些任务（万元），安排的项目、公告公示和监督举报电话。",
        ["Regions/RegionProjectsPage"] = "{0}：项目代码、名称、建设地点和金额（万元），每个项目注明出处。",
        ["Projects/ProjectPage"] = "项目{0}：建设内容、地点、资金来源和金额（万元）、责任单位、公告公示和监督举报电话。",
        ["Documents/DocumentPage"] = "{0}：发文单位、日期、各地区分配金额（万元）和使用这笔资金的项目。",
        ["Documents/DocumentListPage"] = "衔接资金的资金文件，按发文日期由新到旧：文号、标题、发文单位和日期。",
        ["Announcements/AnnouncementPage"] = "公告公示“{0}”：公示的项目和金额（万元）、公示期、发布单位和监督举报电话。",
        ["Announcements/AnnouncementListPage"] = "各县（市、区）发布的衔接资金项目公告公示，按公开日期列出。",
        ["Search/SearchPage"] = "{0}：按村、乡镇、县名或项目名称、代码查衔接资金项目。",
        ["Hotline/HotlinePage"] = "{0}：监督举报热线和纪检监察人员按村、乡镇、项目名称或代码查项目，看投诉统计。",
        ["Hotline/CountyPage"] = "{0}：各项目收到的投诉件数和办理状态（只公开数量）。",
        ["Disclosure/DisclosurePage"] = "公开时限核查：按资金文件规定的期限，核查每条记录是否按时公开、资金是否按时下达和细化到项目。",
        ["Checks/ChecksPage"] = "问责核查：各县资金对账、30天细化、公告要素、负面清单、项目管理费和投诉办理，每条规则注明依据。",
        ["OpenData/Catalog/DatasetsPage"] = "衔接资金开放数据：数据集目录、CSV和JSON下载、接口说明和数据来源。",
        ["OpenData/Catalog/DictionaryPage"] = "衔接资金开放数据的数据字典：每个字段的含义、类型和取值。",
        ["About/AboutPage"] = "{0}：" + Portal + "。",
        ["Rendering/ErrorPage"] = "{0}。" + Portal + "。",
    };

    public static string For(string template, string title) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ByTemplate.GetValueOrDefault(template, "{0}：" + Portal + "。"), title);
}
