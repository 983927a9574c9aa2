using System.Text.Json;

namespace Timing.Tests.Rules;

/// <summary>The settings file the README points deployers to must start the service as it stands.</summary>
public class ExampleSettingsTests
{
    [Fact]
    public async Task AppsettingsExample_PassesStartupValidation()
    {
        var settings = new Dictionary<string, string?>();
        void Flatten(JsonElement element, string prefix)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                // As the JSON configuration provider reads a list: one key per item (Web:Operators:0 …), a null value for an empty list.
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}");
                }
                if (index == 0)
                {
                    settings[prefix] = null;
                }
            }
            else
            {
                settings[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
            }
        }
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "appsettings.example.json")));
        Flatten(json.RootElement, "");
        Assert.Contains("Worker:ClaimLeaseSeconds", settings.Keys);
        // Only the places on disk are moved into a scratch folder; the worker stays off in the test host.
        var dir = TestPaths.NewScratchDirectory();
        settings["Storage:SqlitePath"] = Path.Combine(dir, "timing.db");
        settings["Mail:PickupDirectory"] = Path.Combine(dir, "pickup");
        settings["Worker:Enabled"] = "false";
        await using var factory = new TimingFactory(settings["Storage:SqlitePath"], settings: settings);
        var response = await factory.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative));
        Assert.StartsWith("{\"status\":\"Healthy\"", response, StringComparison.Ordinal);
    }
}
