using LinkagePortal.Hotline;
using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Changes;

/// <summary>
/// A printed notice's QR code carries the version printed; after a correction, the address it encodes opens the live
/// project saying plainly that it changed since printing, and what; a notice printed after the correction says not.
/// </summary>
public sealed class PrintedVersionTests : ClockedPortalTests
{
    const string Code = "654202-2024-010";

    /// <summary>The QR code of the project as the notice prints it: its image address, and the address the code encodes.</summary>
    async Task<(string Image, string Encoded)> PrintedQrAsync()
    {
        var notice = await Client.GetPageAsync("/announcements/wusu-2024-gs-2");
        var image = notice.QuerySelectorAll(".project-qr-codes li").Single(li => li.QuerySelector(".code")!.Text() == Code).QuerySelector("img")!.GetAttribute("src")!;
        var svg = await Client.GetStringAsync(image);
        var encoded = Enumerable.Range(1, 5).Select(v => $"{PortalFactory.PublicBaseUrl}/projects/{Portal.ProjectId(Code)}?v={v}").Single(url => QrCode.Svg(url) == svg);
        return (image, encoded);
    }

    [Fact]
    public async Task After_a_correction_the_printed_qr_code_opens_the_project_saying_it_changed_since_printing()
    {
        var (image, encoded) = await PrintedQrAsync();
        Assert.Equal($"/projects/{Portal.ProjectId(Code)}/qr.svg?v=1", image);
        var line = File.ReadLines(Path.Combine(TestDatabase.Paths.Data, "projects.csv")).Single(l => l.StartsWith(Code + ",", StringComparison.Ordinal));
        var amount = line.Split(',')[5];

        ChangeFiles.Import(Portal, ChangeFiles.Projects(Code, l => l.Replace($",{amount},{amount},", ",99.5,99.5,", StringComparison.Ordinal), "县财政局更正金额"));

        var page = await Client.GetPageAsync(encoded[PortalFactory.PublicBaseUrl.Length..]);
        var notice = page.GetElementById("print-check")!;
        Assert.Equal("自打印后已修改", notice.QuerySelector("h2")!.Text());
        Assert.Contains($"金额（万元）：{amount} → 99.5（县财政局更正金额）", notice.Text(), StringComparison.Ordinal);
        Assert.Equal("99.5 万元", page.QuerySelector(".lead .amount")!.Text().Replace('\u00a0', ' '));

        var reprinted = await PrintedQrAsync();
        Assert.EndsWith("?v=2", reprinted.Encoded, StringComparison.Ordinal);
        Assert.Equal("自打印后未修改", (await Client.GetPageAsync(reprinted.Encoded[PortalFactory.PublicBaseUrl.Length..])).GetElementById("print-check")!.QuerySelector("h2")!.Text());
    }

    [Fact]
    public async Task The_page_opened_without_a_printed_version_says_nothing_about_printing()
    {
        var page = await Client.GetPageAsync($"/projects/{Portal.ProjectId(Code)}");

        Assert.Null(page.GetElementById("print-check"));
    }
}
