namespace LinkagePortal.Records;

/// <summary>
/// Where a complaint stands: received → under_review → resolved | unfounded; received and under_review are open. The
/// names are the API's and the database's values.
/// </summary>
public static class ComplaintStatus
{
    public const string Received = "received";
    public const string UnderReview = "under_review";
    public const string Resolved = "resolved";
    public const string Unfounded = "unfounded";

    public static readonly IReadOnlyList<string> All = [Received, UnderReview, Resolved, Unfounded];

    static readonly Dictionary<string, string[]> Next = new()
    {
        [Received] = [UnderReview],
        [UnderReview] = [Resolved, Unfounded],
        [Resolved] = [],
        [Unfounded] = [],
    };

    public static IReadOnlyList<string> AllowedAfter(string status) => Next[status];

    public static bool CanMove(string from, string to) => Next[from].Contains(to);

    public static string Chinese(string status) => status switch
    {
        Received => "已受理",
        UnderReview => "核查中",
        Resolved => "已办结",
        Unfounded => "经核查不属实",
        _ => status,
    };
}

/// <summary>How a complaint reached the organisation that records it.</summary>
public static class ComplaintChannel
{
    public static readonly IReadOnlyList<string> All = ["hotline", "discipline", "other"];
}
