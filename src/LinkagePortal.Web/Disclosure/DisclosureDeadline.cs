using System.Globalization;
using System.Text.Json.Serialization;

namespace LinkagePortal.Disclosure;

/// <summary>Where a record stands against its deadline.</summary>
public enum DisclosureState
{
    /// <summary>Done (published, passed down, detailed) on or before the due date.</summary>
    OnTime,

    /// <summary>Done after the due date, by <see cref="DisclosureDeadline.DaysLate"/> days.</summary>
    Late,

    /// <summary>Not published yet (its publication time is still ahead) and the due date has passed.</summary>
    Overdue,

    /// <summary>Not done yet and the due date has not passed.</summary>
    Due,

    /// <summary>A date needed to judge is not stated.</summary>
    CannotTell,
}

/// <summary>
/// A record's deadline and its status: the one type that pages, the JSON API and the CSV export all print, so that
/// they never disagree. Dates are Beijing calendar dates (UTC+8): that is the day a notice is dated by.
/// </summary>
public sealed record DisclosureDeadline
{
    [JsonIgnore]
    public DisclosureState State { get; init; }

    /// <summary>The date counting starts from (the information arose; the upstream document's date).</summary>
    public DateOnly? StartOn { get; init; }

    public DateOnly? DueOn { get; init; }

    /// <summary>The date it was done (publication date in Beijing; the downstream document's date), when known and past.</summary>
    public DateOnly? DoneOn { get; init; }

    /// <summary>Days after the due date, counted the same way as the deadline (calendar or working days).</summary>
    public int? DaysLate { get; init; }

    [JsonIgnore]
    public DayCount DayCount { get; init; }

    /// <summary>calendar or working, for JSON and CSV.</summary>
    [JsonPropertyName("dayCount")]
    public string DayCountCode => DayCount == DayCount.Working ? "working" : "calendar";

    /// <summary>Why it cannot be told, in Chinese; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>Stable machine value for JSON and CSV: on-time, late, overdue, due, cannot-tell.</summary>
    [JsonPropertyName("status")]
    public string Code => CodeOf(State);

    /// <summary>The label readers see: 按时, 逾期3天, 逾期未公开, 未到期, 无法判断.</summary>
    [JsonPropertyName("statusLabel")]
    public string Label => State == DisclosureState.Late
        ? string.Create(CultureInfo.InvariantCulture, $"逾期{DaysLate}{(DayCount == DayCount.Working ? "个工作日" : "天")}")
        : LabelOf(State);

    public static string CodeOf(DisclosureState state) => state switch
    {
        DisclosureState.OnTime => "on-time",
        DisclosureState.Late => "late",
        DisclosureState.Overdue => "overdue",
        DisclosureState.Due => "due",
        _ => "cannot-tell",
    };

    public static string LabelOf(DisclosureState state) => state switch
    {
        DisclosureState.OnTime => "按时",
        DisclosureState.Late => "逾期",
        DisclosureState.Overdue => "逾期未公开",
        DisclosureState.Due => "未到期",
        _ => "无法判断",
    };
}
