using System.Net;
using LinkagePortal.Announcements;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Announcements;

/// <summary>
/// A notice as a notice board shows it: the 落款 (issuer, date) read from its last lines and printed at its end after
/// the project table, the 公示期 where the text states one, and the QR code of the live notice.
/// </summary>
public sealed class NoticeTextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void The_sign_off_is_taken_from_the_last_lines_and_the_period_from_the_line_that_states_it()
    {
        var text = NoticeText.Of(["现将有关情况公示如下：", "公示期：2024年1月1日至2024年1月10日。", "监督电话：0992-8508532", "乌苏市财政局", "2023年12月29日"], "乌苏市财政局");

        Assert.Equal(["现将有关情况公示如下：", "公示期：2024年1月1日至2024年1月10日。", "监督电话：0992-8508532"], text.Paragraphs);
        Assert.Equal("公示期：2024年1月1日至2024年1月10日。", text.Period);
        Assert.Equal("乌苏市财政局", text.SignedBy);
        Assert.Equal("2023年12月29日", text.SignedOn);
    }

    [Fact]
    public void Without_a_printed_sign_off_the_publisher_signs_and_no_date_is_invented()
    {
        var text = NoticeText.Of(["现将有关情况公示如下：", "监督电话：0992-8508532"], "某县财政局");

        Assert.Equal(2, text.Paragraphs.Count);
        Assert.Null(text.Period);
        Assert.Equal("某县财政局", text.SignedBy);
        Assert.Null(text.SignedOn);
    }

    [Fact]
    public async Task The_notice_ends_with_its_sign_off_beside_the_qr_code_of_its_live_page()
    {
        var client = portal.CreateClient();
        var page = await client.GetPageAsync("/announcements/wusu-2024-gs-1");

        var notice = page.QuerySelector("article.notice")!;
        var end = notice.QuerySelector("footer.notice-end")!;
        Assert.Same(end, notice.Children.Last(c => !c.ClassList.Contains("no-print")));
        Assert.Equal("乌苏市财政局", end.QuerySelector(".signed-by")!.Text());
        Assert.Equal("2023年12月29日", end.QuerySelector(".signed-on")!.Text());
        Assert.DoesNotContain(notice.QuerySelectorAll(".notice-body p"), p => p.Text() == "2023年12月29日");
        Assert.True(notice.QuerySelector("section[aria-labelledby=notice-projects]")!.CompareDocumentPosition(end) == AngleSharp.Dom.DocumentPositions.Following);
        Assert.Null(notice.QuerySelector(".notice-period"));

        var qr = end.QuerySelector("img")!.GetAttribute("src")!;
        Assert.Equal("/announcements/wusu-2024-gs-1/qr.svg", qr);
        Assert.Equal($"{PortalFactory.PublicBaseUrl}/announcements/wusu-2024-gs-1", end.QuerySelector(".address")!.Text());
        var image = await client.GetAsync(qr);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(LinkagePortal.Rendering.QrCode.Svg($"{PortalFactory.PublicBaseUrl}/announcements/wusu-2024-gs-1"), await image.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/announcements/no-such-notice/qr.svg")).StatusCode);
    }
}
