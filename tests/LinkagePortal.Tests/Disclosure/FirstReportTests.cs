using LinkagePortal.Disclosure;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// After a start, a county page does not wait for the node's first timeliness report (a whole-database computation,
/// some 18 s at 1M projects): it says the report is being computed, is not kept in the page cache, and shows the
/// figures once the report is in. A CDN is told not to keep it either.
/// </summary>
public sealed class FirstReportTests : IDisposable
{
    const string Computing = "公开时限核查正在计算";
    const string Figures = "内公开的要求，核查乌苏市的";

    readonly FirstReportOnRequest portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_county_page_before_the_first_report_says_it_is_being_computed_and_then_shows_the_figures()
    {
        var client = portal.CreateClient();

        using var response = await client.GetAsync("/regions/654202");
        var first = await response.Content.ReadAsStringAsync();
        Assert.Contains(Computing, first);
        Assert.DoesNotContain(Figures, first);
        Assert.True(response.Headers.CacheControl!.NoStore, "a CDN must not keep the page that says the report is being computed");

        var audit = portal.Services.GetRequiredService<TimelinessAudit>();
        for (var waited = 0; !await audit.IsCurrentAsync() && waited < 120; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
        }

        var after = await client.GetStringAsync("/regions/654202");
        Assert.Contains(Figures, after);
        Assert.DoesNotContain(Computing, after);
    }

    /// <summary>A portal whose first report is started by the first page that needs it, which does not wait for it.</summary>
    sealed class FirstReportOnRequest : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Disclosure:FirstReportWaitSeconds", "0");
            builder.ConfigureTestServices(services =>
            {
                foreach (var refresh in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TimelinessRefresh)).ToList())
                {
                    services.Remove(refresh);
                }
            });
        }
    }
}
