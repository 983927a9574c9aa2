using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.Sqlite
{
    /// <summary>
    /// A meeting without a time had start 0, and a subscribed person an empty mode-before-unsubscribe; both become
    /// NULL, converted in place. SQLite cannot make a column nullable, and EF would rebuild the tables with foreign
    /// keys switched off, outside a transaction (dropping people with them on would cascade to their nudges). So
    /// each column is replaced instead: add the new one, copy with the conversion, drop the old one, rename the new
    /// one. Every step is an ALTER TABLE or an UPDATE inside this migration's transaction.
    /// </summary>
    public partial class TypedStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE meetings ADD COLUMN "StartUnixMs_typed" INTEGER NULL;""");
            migrationBuilder.Sql("""UPDATE meetings SET "StartUnixMs_typed" = NULLIF("StartUnixMs", 0);""");
            migrationBuilder.Sql("""ALTER TABLE meetings DROP COLUMN "StartUnixMs";""");
            migrationBuilder.Sql("""ALTER TABLE meetings RENAME COLUMN "StartUnixMs_typed" TO "StartUnixMs";""");

            migrationBuilder.Sql("""ALTER TABLE people ADD COLUMN "ModeBeforeUnsubscribe_typed" TEXT NULL;""");
            migrationBuilder.Sql("""UPDATE people SET "ModeBeforeUnsubscribe_typed" = NULLIF("ModeBeforeUnsubscribe", '');""");
            migrationBuilder.Sql("""ALTER TABLE people DROP COLUMN "ModeBeforeUnsubscribe";""");
            migrationBuilder.Sql("""ALTER TABLE people RENAME COLUMN "ModeBeforeUnsubscribe_typed" TO "ModeBeforeUnsubscribe";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE meetings ADD COLUMN "StartUnixMs_untyped" INTEGER NOT NULL DEFAULT 0;""");
            migrationBuilder.Sql("""UPDATE meetings SET "StartUnixMs_untyped" = COALESCE("StartUnixMs", 0);""");
            migrationBuilder.Sql("""ALTER TABLE meetings DROP COLUMN "StartUnixMs";""");
            migrationBuilder.Sql("""ALTER TABLE meetings RENAME COLUMN "StartUnixMs_untyped" TO "StartUnixMs";""");

            migrationBuilder.Sql("""ALTER TABLE people ADD COLUMN "ModeBeforeUnsubscribe_untyped" TEXT NOT NULL DEFAULT '';""");
            migrationBuilder.Sql("""UPDATE people SET "ModeBeforeUnsubscribe_untyped" = COALESCE("ModeBeforeUnsubscribe", '');""");
            migrationBuilder.Sql("""ALTER TABLE people DROP COLUMN "ModeBeforeUnsubscribe";""");
            migrationBuilder.Sql("""ALTER TABLE people RENAME COLUMN "ModeBeforeUnsubscribe_untyped" TO "ModeBeforeUnsubscribe";""");
        }
    }
}
