namespace LinkagePortal.Records;

/// <summary>
/// The timeliness summary a county's, prefecture's or the region's page shows. The Disclosure area computes and
/// registers it; the region page only places it where the <c>disclosure-summary</c> partial renders it, so the
/// page depends on this seam rather than on the audit.
/// </summary>
public delegate Task<object> RegionTimeliness(string code, string name, CancellationToken cancellation);
