namespace LinkagePortal.BrowserTests.Support;

/// <summary>One address of every kind of page the portal serves, for the checks that apply to all of them.</summary>
public static class PageTypes
{
    public static readonly string[] Paths =
    [
        "/",
        "/regions/65",
        "/regions/6542",
        "/regions/654202",
        "/regions/654202109",
        "/regions/654202109200",
        "/regions",
        "/regions/650102002002",
        "/regions/654202/projects?programme=bond",
        "/projects/654202-2024-010",
        "/documents",
        "/documents/xcz-2024-9",
        "/announcements",
        "/announcements/wusu-2024-gs-1",
        "/search",
        "/search?q=党家庄村",
        "/search?q=一连生活区",
        "/about",
        "/about/publicity-20-days",
        "/datasets",
        "/hotline",
        "/hotline?q=科克萨拉",
        "/hotline?q=西湖村",
        "/hotline/counties/654202",
        "/disclosure",
        "/checks",
        "/no-such-page",
    ];

    public static TheoryData<string> All => new(Paths);
}
