namespace LinkagePortal.Records;

/// <summary>
/// What every disclosed record carries: when its information arose (the day the disclosure deadline counts from),
/// when it was or will be published (UTC; NULL: public, time not stated) and the editors' note on it.
/// </summary>
public abstract record DisclosedRecord
{
    public DateTime? AroseOn { get; init; }
    public DateTime? PublishedAt { get; init; }
    /// <summary>The editors' note, with the curators' working files read as the document cited (<see cref="Citations.InPrintedTerms"/>).</summary>
    public string? Note { get => note; init => note = Citations.InPrintedTerms(value); }

    readonly string? note;

    /// <summary>The publication date in Beijing, the date the record bears.</summary>
    public DateTime? PublishedOn => PublishedAt is { } t ? Dates.ToBeijing(t) : null;
}

/// <summary>
/// A record a county publishes in a source document (a project of its list, a notice): the county and the document,
/// each with the name pages show (the county's short name; the document's number, else its title).
/// </summary>
public abstract record CountyRecord : DisclosedRecord
{
    public required string CountyCode { get; init; }
    public required string CountyName { get; init; }
    public required string SourceDocumentId { get; init; }
    public required string SourceDocumentName { get; init; }
}
