using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Storage;

namespace Timing.Tests.Web;

/// <summary>Dates outside the years Timing plans, typed into forms or URLs: a 400 with a message, never an exception page.</summary>
public class DateBoundsTests
{
    private const string Problem = "Timing rekent met de jaren 1900 tot en met 2199; vul een datum in die daarbinnen valt.";

    [Theory]
    [InlineData("Actual", "Date", "9999-06-10", "date-error")]
    [InlineData("Actual", "Date", "0000-06-10", "date-error")]
    [InlineData("Schedule", "MergerDate", "9999-01-01", "merger-error")]
    [InlineData("Schedule", "MergerDate", "0000-01-01", "merger-error")]
    [InlineData("Event", "EventDate", "9999-12-31", "event-error")]
    public async Task Form_DateOutsideTheSupportedYears_Is400WithTheMessageNextToTheField(string handler, string field, string value, string errorId)
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        var fields = new Dictionary<string, string> { [field] = value, ["Kind"] = "coalition-agreement", ["EventTitle"] = "Inspraakavond" };
        var response = await client.PostFormAsync($"/gemeenten/GM0344?handler={handler}", detail, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"id=\"{errorId}\">{Problem}</span>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        Assert.Equal(0, await db.DateChanges.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/gemeenten/GM0344", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(9997)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task MomentPage_CycleOutsideTheSupportedYears_Is400WithAMessage(int cycle)
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        var response = await client.GetAsync(new Uri($"/gemeenten/GM0344/momenten/election/{cycle}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Problem, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/gemeenten/GM0344/momenten/election/2026", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpClient> DirectorWithUtrechtAsync(TimingFactory factory)
    {
        await factory.CreateDirectorAsync("d@welzijn.nl", "Welzijn");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@welzijn.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "Utrecht" });
        return client;
    }
}
