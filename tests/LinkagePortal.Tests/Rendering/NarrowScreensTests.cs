using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// What every page body gets for phones: each table cell labelled with its column's header (shown when a row becomes
/// a block), and document numbers, codes, amounts, dates and telephone numbers kept on one line.
/// </summary>
public sealed class NarrowScreensTests
{
    [Fact]
    public void Every_body_cell_with_something_in_it_is_labelled_with_its_columns_header_counting_spans()
    {
        var html = NarrowScreens.Prepare("""
            <table><thead><tr><th scope="col">地区</th><th scope="col" colspan="2">金额<span class="unit">（万元）</span></th><th scope="col">核对</th></tr></thead>
            <tbody><tr><th scope="row">乌苏市</th><td class="num">1</td><td class="num">2</td><td>相符</td></tr>
            <tr><th scope="row">沙湾市</th><td class="num">3</td><td class="num"></td><td>
              </td></tr></tbody>
            <tfoot><tr><th scope="row" colspan="3">合计</th><td>相符</td></tr></tfoot></table>
            <table><tr><th scope="row">无表头</th><td>x</td></tr></table>
            """);
        var page = Html.Parse(html);

        var body = page.QuerySelector("table")!.QuerySelectorAll("tbody tr > *").Select(c => c.GetAttribute("data-label")).ToList();
        Assert.Equal(["地区", "金额（万元）", "金额（万元）", "核对", "地区", "金额（万元）", null, null], body);
        Assert.Equal(["地区", "核对"], page.QuerySelectorAll("tfoot tr > *").Select(c => c.GetAttribute("data-label")));
        Assert.Empty(page.QuerySelectorAll("thead [data-label]"));
        Assert.All(page.QuerySelectorAll("table")[1].QuerySelectorAll("th, td"), c => Assert.False(c.HasAttribute("data-label")));
        Assert.Equal("num", page.QuerySelector("tbody td")!.ClassName);
    }

    [Theory]
    [InlineData("（新财振〔2024〕9号）下达", "新财振〔2024〕9号")]
    [InlineData("塔地财振〔2023〕13号", "塔地财振〔2023〕13号")]
    [InlineData("项目 654202-2023-B01 已公示", "654202-2023-B01")]
    [InlineData("合计 4,000&#xA0;万元。", "4,000&#xA0;万元")]
    [InlineData("共 79.71万元", "79.71万元")]
    [InlineData("2024年1月26日印发", "2024年1月26日")]
    [InlineData("电话：0992-8508532", "0992-8508532")]
    [InlineData("（新财振〔２０２４〕９号）下达", "新财振〔２０２４〕９号")]
    public void A_document_number_code_amount_date_or_telephone_number_in_text_is_kept_whole(string text, string whole)
    {
        var html = NarrowScreens.Prepare($"<p>{text}</p>");

        Assert.Contains($"<span class=\"nowrap\">{whole}</span>", html);
        Assert.Equal(Html.Parse($"<p>{text}</p>").Body!.TextContent, Html.Parse(html).Body!.TextContent);
    }

    [Fact]
    public void Attributes_titles_options_and_svg_text_are_left_as_they_are()
    {
        const string html = """
            <img alt="新财振〔2024〕9号" src="/x.svg"><select><option>4,000 万元</option></select>
            <svg viewBox="0 0 10 10"><text x="1" y="1">4,000 万元</text></svg><p>新财振〔2024〕9号</p>
            """;

        var prepared = NarrowScreens.Prepare(html);

        Assert.Equal(html.Replace("<p>新财振〔2024〕9号</p>", "<p><span class=\"nowrap\">新财振〔2024〕9号</span></p>", StringComparison.Ordinal), prepared);
    }
}
