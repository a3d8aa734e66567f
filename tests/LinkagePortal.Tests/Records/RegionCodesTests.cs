using System.Globalization;
using LinkagePortal.Records;

namespace LinkagePortal.Tests.Records;

/// <summary>
/// "Everything under region C" must give the same rows on SQLite (binary order) and SQL Server (Unicode collations,
/// which sort ':' before the digits): its bounds are digit strings, and the range holds exactly the codes that start
/// with C under any of those orders.
/// </summary>
public sealed class RegionCodesTests
{
    // One code of each level, codes ending in 9 and 99 (where a "+1" bound would carry), and the edges.
    public static TheoryData<string> Regions => new()
    {
        "65", "6542", "6549", "654202", "654299", "654202109", "654202999", "654202109200", "659999999999",
    };

    [Theory]
    [MemberData(nameof(Regions))]
    public void The_bounds_are_digits_only_and_the_condition_names_no_other_bound(string code)
    {
        var parameters = RegionCodes.Parameters(code, "code");
        Assert.Equal(code, parameters["code"]);
        var last = Assert.IsType<string>(parameters["codeLast"]);
        Assert.Equal(12, last.Length);
        Assert.True(last.All(char.IsAsciiDigit), last);
        Assert.StartsWith(code, last, StringComparison.Ordinal);
        Assert.Equal("p.county_code >= @code AND p.county_code <= @codeLast", RegionCodes.Under("p.county_code", "code"));
        Assert.DoesNotContain(":", RegionCodes.Under("a.region_code"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public void The_range_holds_exactly_the_codes_under_the_region_in_every_collation(string code)
    {
        var last = RegionCodes.Last(code);
        // Binary (SQLite), and the culture-aware orders closest to SQL Server's Chinese and Latin collations.
        var orders = new Func<string, string, int>[]
        {
            string.CompareOrdinal,
            CultureInfo.GetCultureInfo("zh-CN").CompareInfo.Compare,
            CultureInfo.InvariantCulture.CompareInfo.Compare,
        };
        foreach (var candidate in Candidates(code))
        {
            foreach (var compare in orders)
            {
                var inRange = compare(candidate, code) >= 0 && compare(candidate, last) <= 0;
                Assert.True(inRange == candidate.StartsWith(code, StringComparison.Ordinal), $"{candidate} under {code}: {inRange}");
            }
        }
    }

    [Fact]
    public void A_code_ending_in_nine_does_not_reach_its_neighbour()
    {
        Assert.Equal("654999999999", RegionCodes.Last("6549"));
        Assert.True(string.CompareOrdinal("655001", RegionCodes.Last("6549")) > 0);
        Assert.True(string.CompareOrdinal("6550", RegionCodes.Last("6549")) > 0);
        Assert.Equal("654202109200", RegionCodes.Last("654202109200"));
    }

    /// <summary>Codes of every level around the region: its ancestors, itself, children and neighbours on both sides.</summary>
    static IEnumerable<string> Candidates(string code)
    {
        var number = long.Parse(code, CultureInfo.InvariantCulture);
        var neighbours = new[] { number - 1, number, number + 1 }
            .Where(n => n >= 0)
            .Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(code.Length, '0'))
            .Where(n => n.Length == code.Length);
        foreach (var near in neighbours)
        {
            foreach (var length in new[] { 2, 4, 6, 9, 12 })
            {
                yield return length <= near.Length ? near[..length] : near.PadRight(length, '0');
                if (length > near.Length)
                {
                    yield return near.PadRight(length, '9');
                    yield return near + "1".PadLeft(length - near.Length, '0');
                }
            }
        }
    }
}
