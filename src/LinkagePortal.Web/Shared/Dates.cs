using System.Globalization;

namespace LinkagePortal;

/// <summary>Dates as the documents write them (2024年1月26日), and Beijing time for display.</summary>
public static class Dates
{
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static string Chinese(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    public static DateTime ToBeijing(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(BeijingOffset);
}
