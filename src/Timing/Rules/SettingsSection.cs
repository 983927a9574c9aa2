namespace Timing.Rules;

/// <summary>
/// One section of settings and the options class it binds to, registered beside the options themselves
/// (<see cref="SettingsServiceCollectionExtensions.AddSettings{T}"/>): the list of Timing's settings is what is registered.
/// </summary>
public sealed record SettingsSection(string Name, Type Options);
