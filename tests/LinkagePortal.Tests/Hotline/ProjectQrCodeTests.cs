using System.Net;
using LinkagePortal.Hotline;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>The QR code beside a project's code opens the project's page (at the version printed: Changes/PrintedVersionTests).</summary>
public class ProjectQrCodeTests(HotlinePortal portal) : IClassFixture<HotlinePortal>
{
    [SkippableFact]
    public async Task The_qr_code_encodes_the_absolute_address_of_the_project_page()
    {
        var id = portal.ProjectId("654202-2024-010");

        var response = await portal.CreateClient().GetAsync($"/projects/{id}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Equal(LinkagePortal.Rendering.QrCode.Svg($"http://localhost/projects/{id}"), svg);
        Assert.NotEqual(LinkagePortal.Rendering.QrCode.Svg($"http://localhost/projects/{id + 1}"), svg);
        Assert.Equal("svg", Html.Parse(svg).DocumentElement.QuerySelector("svg")?.LocalName);
    }

    [SkippableFact]
    public async Task The_project_page_shows_its_code_with_the_qr_code_beside_it()
    {
        var id = portal.ProjectId("654202-2024-010");

        var page = await portal.CreateClient().GetPageAsync($"/projects/{id}");

        Assert.Equal("654202-2024-010", page.QuerySelector("#project-code")!.Text());
        var qr = page.QuerySelector($"img[src='/projects/{id}/qr.svg?v=1']");
        Assert.NotNull(qr);
        Assert.Contains("654202-2024-010", qr.GetAttribute("alt"));
    }

    [SkippableFact]
    public async Task The_printed_announcement_carries_each_projects_code_and_qr_code()
    {
        var page = await portal.CreateClient().GetPageAsync("/announcements/wusu-2024-gs-2");

        var codes = page.QuerySelectorAll(".project-qr-codes li").Select(li => (
            Code: li.QuerySelector(".code")!.Text(),
            Src: li.QuerySelector("img")!.GetAttribute("src"))).ToList();
        Assert.Equal(6, codes.Count);
        Assert.Contains(("654202-2024-010", $"/projects/{portal.ProjectId("654202-2024-010")}/qr.svg?v=1"), codes);
    }

    [SkippableFact]
    public async Task An_unknown_project_has_no_qr_code()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/projects/999999/qr.svg")).StatusCode);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class ProjectQrCodeTestsOnSqlServer(SqlServerHotlinePortal portal) : ProjectQrCodeTests(portal.OrSkip<SqlServerHotlinePortal>()), IClassFixture<SqlServerHotlinePortal>;
