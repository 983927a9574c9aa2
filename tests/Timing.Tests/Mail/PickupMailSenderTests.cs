using Timing.Tests.Web;

namespace Timing.Tests.Mail;

/// <summary>The pickup folder holds sign-in mails with live links: only the service's own user reads them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PickupMailSenderTests
{
    [Fact]
    public async Task SignInMail_InTheNewPickupFolder_IsReadableByTheServicesUserOnly()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        await factory.Client().RequestLinkAsync(factory, "d@org.nl");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.PickupDirectory));
        var mail = Assert.Single(Directory.GetFiles(factory.PickupDirectory));
        Assert.EndsWith(".eml", mail, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(mail));
    }
}
