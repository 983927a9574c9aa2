using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.PostgreSql
{
    /// <summary>
    /// Converts existing rows in place to what the typed entities read: a meeting without a time had start 0 and a
    /// subscribed person an empty mode-before-unsubscribe; both are now NULL. Apart from TypedStorage, which
    /// allows the NULLs, because SQLite rebuilds a table at the end of a migration and the update must come after.
    /// </summary>
    public partial class TypedStorageData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE meetings SET "StartUnixMs" = NULL WHERE "StartUnixMs" = 0;""");
            migrationBuilder.Sql("""UPDATE people SET "ModeBeforeUnsubscribe" = NULL WHERE "ModeBeforeUnsubscribe" = '';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE meetings SET "StartUnixMs" = 0 WHERE "StartUnixMs" IS NULL;""");
            migrationBuilder.Sql("""UPDATE people SET "ModeBeforeUnsubscribe" = '' WHERE "ModeBeforeUnsubscribe" IS NULL;""");
        }
    }
}
