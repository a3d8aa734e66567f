namespace LinkagePortal.Records;

/// <summary>
/// A county's accountability findings for its page (reconciliation, detailing, notices, screening, complaints), or null
/// when there are none. The Checks area computes and registers it; the county page only places it where the
/// <c>county-checks</c> partial renders it, so the page depends on this seam rather than on the checks.
/// </summary>
public delegate Task<object?> CountyAccountability(string countyCode, CancellationToken cancellation);
