using System.Globalization;

namespace LinkagePortal.Disclosure;

/// <summary>How deadline days are counted: every calendar day, or working days only (weekends and holidays skipped, 调休 days counted).</summary>
public enum DayCount { Calendar, Working }

/// <summary>
/// <c>Disclosure:DayCount</c> (<c>Calendar</c>, the default, or <c>Working</c>) and <c>Disclosure:PublicationDays</c>
/// (the publication window; when not set, the days of the publication rule in disclosure_rules.csv, 20).
/// </summary>
public sealed record DisclosureOptions(DayCount DayCount, int? PublicationDays, double? FirstReportWaitSeconds = null)
{
    /// <summary>
    /// How long a region's page waits for this node's first timeliness report after a start before it says the report
    /// is being computed (<c>Disclosure:FirstReportWaitSeconds</c>, 0 to 60; 3 when not set).
    /// </summary>
    public TimeSpan FirstReportWait => TimeSpan.FromSeconds(FirstReportWaitSeconds ?? 3);

    public static DisclosureOptions FromConfiguration(IConfiguration configuration)
    {
        var countText = configuration["Disclosure:DayCount"];
        var dayCount = DayCount.Calendar;
        if (!string.IsNullOrWhiteSpace(countText) && !Enum.TryParse(countText, ignoreCase: true, out dayCount))
        {
            throw new InvalidOperationException($"Configuration Disclosure:DayCount is '{countText}'; it must be Calendar or Working.");
        }

        var daysText = configuration["Disclosure:PublicationDays"];
        int? days = null;
        if (!string.IsNullOrWhiteSpace(daysText))
        {
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 366)
            {
                throw new InvalidOperationException($"Configuration Disclosure:PublicationDays is '{daysText}'; it must be a whole number of days from 1 to 366.");
            }

            days = parsed;
        }

        var waitText = configuration["Disclosure:FirstReportWaitSeconds"];
        double? wait = null;
        if (!string.IsNullOrWhiteSpace(waitText))
        {
            wait = double.TryParse(waitText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 60
                ? seconds
                : throw new InvalidOperationException($"Configuration Disclosure:FirstReportWaitSeconds is '{waitText}'; it must be a number of seconds from 0 to 60.");
        }

        return new DisclosureOptions(dayCount, days, wait);
    }
}
