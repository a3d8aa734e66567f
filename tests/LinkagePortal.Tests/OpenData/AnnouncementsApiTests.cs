using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

public class AnnouncementsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    [SkippableTheory]
    [InlineData("654202109")]
    [InlineData("654202109200")]
    public async Task A_township_or_village_gives_the_notices_that_list_projects_placed_in_it(string region)
    {
        var placedThere = (await client.GetAllAsync($"/api/v1/projects?region={region}&programme=all")).Select(p => p.Text("id")).ToHashSet();
        var listing = (await client.GetAllAsync("/api/v1/announcements"))
            .Where(a => a.GetProperty("projectIds").EnumerateArray().Any(id => placedThere.Contains(id.GetString()!)))
            .Select(a => a.Text("id"));

        var notices = (await client.GetAllAsync($"/api/v1/announcements?region={region}")).Select(a => a.Text("id")).ToList();

        Assert.NotEmpty(notices);
        Assert.Equal(listing, notices);
    }
}
