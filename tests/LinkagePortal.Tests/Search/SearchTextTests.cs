using LinkagePortal.Search;

namespace LinkagePortal.Tests.Search;

/// <summary>The loose spellings the documents use, and near misses that must not count.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("党家庄子村委会", "党家庄子")]
    [InlineData("科克萨拉村", "科克萨拉")]
    [InlineData("西大沟镇", "西大沟")]
    [InlineData("花园社区居委会", "花园")]
    [InlineData(" 八十四户 乡 ", "八十四户")]
    [InlineData("新财振〔2024〕9号", "新财振20249号")]
    [InlineData("村", "村")]
    public void A_name_is_compared_without_spaces_punctuation_or_its_suffix(string name, string core) =>
        Assert.Equal(core, SearchText.Core(name));

    [Theory]
    [InlineData("党家庄村", "党家庄子村", 1)] // the printed name is the start of the official one
    [InlineData("赛特莫墩村", "赛特尔莫墩村", 2)] // one character left out
    [InlineData("托古里克莫敦村", "托古里克莫墩村", 2)] // one character written differently
    [InlineData("科克萨拉村", "科克萨拉村委会", 0)]
    [InlineData("科克萨", "科克萨拉村", 1)]
    public void Loose_spellings_from_the_documents_match(string query, string name, int closeness) =>
        Assert.Equal(closeness, SearchText.Closeness(SearchText.Core(query), SearchText.Core(name)));

    [Theory]
    [InlineData("科克萨拉", "科克亚乡")] // shorter name: not a slip
    [InlineData("赛特莫墩村", "赛特尔开村")] // two characters differ
    [InlineData("科克萨拉", "科克莫敦村")]
    [InlineData("党家庄村", "王家庄村")] // a different first character
    public void Different_names_do_not_match(string query, string name) =>
        Assert.Null(SearchText.Closeness(SearchText.Core(query), SearchText.Core(name)));

    [Fact]
    public void A_query_that_names_its_county_and_township_first_is_also_read_as_the_place_alone()
    {
        var readings = SearchText.Readings(SearchText.Clean("乌苏市八十四户乡党家庄村")).ToList();

        Assert.Equal(("", "乌苏市八十四户乡党家庄村"), readings[0]);
        Assert.Contains(("乌苏市八十四户乡", "党家庄村"), readings);
    }
}
