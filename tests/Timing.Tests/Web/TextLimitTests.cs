using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Storage;

namespace Timing.Tests.Web;

/// <summary>Every free-text field has a limit; longer input is refused next to the field, in the page's language, and nothing is stored.</summary>
public class TextLimitTests
{
    [Fact]
    public async Task SignIn_OverlongAddress_IsRefusedNextToTheField_AndNothingIsQueued()
    {
        await using var factory = new TimingFactory();
        var client = factory.Client();
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        Assert.Contains("maxlength=\"254\"", page, StringComparison.Ordinal);
        var response = await client.PostFormAsync("/aanmelden", page, new() { ["Email"] = new string('a', 300) + "@org.nl" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vul een geldig e-mailadres in, zoals naam@organisatie.nl (hoogstens 254 tekens).", html, StringComparison.Ordinal);
        Assert.Equal(0, factory.Services.GetRequiredService<Timing.Web.SignIn.SignInMailQueue>().Pending);
    }

    [Fact]
    public async Task People_OverlongName_IsRefusedNextToTheField_InEnglishToo()
    {
        await using var factory = new TimingFactory();
        var client = await SignedInDirectorAsync(factory);
        var people = await client.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        var response = await client.PostFormAsync("/mensen?handler=Save", people, new() { ["Email"] = "c@org.nl", ["Name"] = new string('n', 201), ["Language"] = "nl" });
        Assert.Contains("id=\"name-error\">Een naam heeft hoogstens 200 tekens, op één regel.</span>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var english = await client.PostFormAsync("/mensen?handler=Save&lang=en", people, new() { ["Email"] = "c@org.nl", ["Name"] = "Anna\u0007", ["Language"] = "nl" });
        Assert.Contains("id=\"name-error\">A name has at most 200 characters, on one line.</span>", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TimingDbContext>().People.AnyAsync(p => p.Email == "c@org.nl"));
    }

    [Fact]
    public async Task AddMunicipality_OverlongNameOrSearch_IsRefusedNextToTheField()
    {
        await using var factory = new TimingFactory();
        var client = await SignedInDirectorAsync(factory);
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        var response = await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = new string('U', 81) });
        Assert.Contains("id=\"name-error\">Vul de naam van de gemeente in: 1 tot 80 tekens, op één regel.</span>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var search = await client.GetAsync(new Uri("/gemeenten/toevoegen?q=" + new string('u', 81), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Contains("id=\"q-error\">Zoek met hoogstens 80 tekens.</span>", WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<TimingDbContext>().FollowedMunicipalities.CountAsync());
    }

    [Fact]
    public async Task LocalEvent_OverlongTitle_IsRefusedNextToTheField()
    {
        await using var factory = new TimingFactory();
        var client = await SignedInDirectorAsync(factory);
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });
        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        Assert.Contains("maxlength=\"200\"", detail, StringComparison.Ordinal);
        var response = await client.PostFormAsync("/gemeenten/GM0344?handler=Event", detail, new() { ["EventTitle"] = new string('t', 201), ["EventDate"] = "2027-05-01" });
        Assert.Contains("id=\"event-error\">Vul een titel (hoogstens 200 tekens) en een datum in.</span>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<TimingDbContext>().DateChanges.CountAsync());
    }

    private static async Task<HttpClient> SignedInDirectorAsync(TimingFactory factory)
    {
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        return client;
    }
}
