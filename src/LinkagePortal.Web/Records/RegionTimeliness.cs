namespace LinkagePortal.Records;

/// <summary>
/// The timeliness summary a county's, prefecture's or the region's page shows. The Disclosure area computes and
/// registers it; the region page only places it where the <c>disclosure-summary</c> partial renders it, so the
/// page depends on this seam rather than on the audit. Before the node's first report is in, it says so and keeps the
/// response out of the page cache.
/// </summary>
public delegate Task<object> RegionTimeliness(HttpContext http, string code, string name);
