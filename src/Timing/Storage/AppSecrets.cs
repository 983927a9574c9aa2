using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Timing.Storage;

/// <summary>Secrets the installation makes for itself on first use and shares between nodes through the database.</summary>
public static class AppSecrets
{
    public static async Task<byte[]> GetOrCreateAsync(TimingDbContext db, string name, CancellationToken cancellationToken)
    {
        var existing = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (existing is null)
        {
            var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            // Two nodes starting at once: the first insert wins, the other reads it back.
            await db.Database.ExecuteSqlAsync($"""INSERT INTO app_secrets ("Name", "Value") VALUES ({name}, {value}) ON CONFLICT ("Name") DO NOTHING""", cancellationToken);
            existing = await db.AppSecrets.AsNoTracking().FirstAsync(s => s.Name == name, cancellationToken);
        }
        return Convert.FromBase64String(existing.Value);
    }
}
