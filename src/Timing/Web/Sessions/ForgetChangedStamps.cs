using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Timing.Storage;

namespace Timing.Web.Sessions;

/// <summary>After a person is changed or removed on this node, this node reads their stamp again at once.</summary>
public sealed class ForgetChangedStamps(SessionStamps stamps) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<int>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var ids = context.ChangeTracker.Entries<Person>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        if (ids.Count > 0)
        {
            _pending.AddOrUpdate(context, ids);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var ids))
        {
            _pending.Remove(context);
            ids.ForEach(stamps.Forget);
        }
    }
}
