using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Municipalities;

/// <summary>
/// The municipality names the service knows: the list imported with `timing municipalities import`,
/// completed by the file in Timing:MunicipalitiesFile (by default the shipped CBS list of 2026). Re-read from the database at most once a minute,
/// so an import on the command line reaches a running service without a restart.
/// </summary>
public sealed class MunicipalityCatalog(MunicipalityDirectory configured, IServiceScopeFactory scopes, IClock clock)
{
    private static readonly Duration Freshness = Duration.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (MunicipalityDirectory Directory, Instant ReadAt)? _cached;

    public async Task<MunicipalityDirectory> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_cached is { } cached && now - cached.ReadAt < Freshness)
        {
            return cached.Directory;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && now - again.ReadAt < Freshness)
            {
                return again.Directory;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
            var imported = await db.MunicipalityNames.AsNoTracking().ToListAsync(cancellationToken);
            var byCode = configured.All.ToDictionary(m => m.Code);
            foreach (var row in imported)
            {
                var code = MunicipalityCode.Parse(row.Code);
                byCode[code] = new Municipality(code, row.Name);
            }
            var directory = new MunicipalityDirectory(byCode.Values);
            _cached = (directory, now);
            return directory;
        }
        finally
        {
            _gate.Release();
        }
    }
}
