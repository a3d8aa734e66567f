using Microsoft.Playwright;

namespace LinkagePortal.BrowserTests.Support;

/// <summary>
/// One portal and one headless Chromium for the whole run (Debian's /usr/bin/chromium: Playwright's package brings
/// only its driver, and nothing here downloads a browser). Each test gets its own browser context and page.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Overridable for machines where Chromium lives elsewhere.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("LINKAGE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    IPlaywright? playwright;
    IBrowserContext? current;

    public PortalServer Server { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ChromiumPath}: install Debian's chromium (tests/run.sh does) or set LINKAGE_CHROMIUM.");
        }

        Server.Start();
        playwright = await Playwright.CreateAsync();
        // Launch (not a persistent context) gives Chromium a fresh throw-away profile directory that Playwright
        // creates and deletes itself.
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A desktop-sized page in a new context whose relative URLs resolve against the portal.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(Viewports.Desktop);

    /// <summary>
    /// A page of the given viewport in a new context (no cookies or cache from other tests) whose relative URLs resolve
    /// against the portal. Tests run one after another, so the previous test's context is closed here.
    /// </summary>
    public async Task<IPage> NewPageAsync((int Width, int Height) viewport)
    {
        if (current is not null)
        {
            await current.CloseAsync();
        }

        var (width, height) = viewport;
        current = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        return await current.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Every browser test class joins this collection: one server, one browser, tests one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
