using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Support;

/// <summary>The portal on its own database copy with a <see cref="FakeClock"/> in place of the system clock.</summary>
public class ClockedPortalFactory : PortalFactory
{
    public ClockedPortalFactory()
    {
    }

    protected ClockedPortalFactory(LinkagePortal.Data.DatabaseProvider provider) : base(provider)
    {
    }

    /// <summary>Starts at 2026-06-01 12:00 Beijing time unless a test sets it.</summary>
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
