using System.Net;
using LinkagePortal.Hotline;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>The QR code beside a project's code opens the project's page.</summary>
public sealed class ProjectQrCodeTests(HotlinePortal portal) : IClassFixture<HotlinePortal>
{
    [Fact]
    public async Task The_qr_code_encodes_the_absolute_address_of_the_project_page()
    {
        var id = portal.ProjectId("654202-2024-010");

        var response = await portal.CreateClient().GetAsync($"/projects/{id}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Equal(ProjectQrCode.Svg($"http://localhost/projects/{id}"), svg);
        Assert.NotEqual(ProjectQrCode.Svg($"http://localhost/projects/{id + 1}"), svg);
        Assert.Equal("svg", Html.Parse(svg).DocumentElement.QuerySelector("svg")?.LocalName);
    }

    [Fact]
    public async Task An_unknown_project_has_no_qr_code()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/projects/999999/qr.svg")).StatusCode);
    }
}
