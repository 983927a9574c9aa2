using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.PostgreSql
{
    /// <summary>
    /// A meeting without a time had start 0, and a subscribed person an empty mode-before-unsubscribe; both become
    /// NULL, converted in place after the columns allow it (and back before they no longer do).
    /// </summary>
    public partial class TypedStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ModeBeforeUnsubscribe",
                table: "people",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10,
                oldDefaultValue: "");

            migrationBuilder.AlterColumn<long>(
                name: "StartUnixMs",
                table: "meetings",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.Sql("""UPDATE meetings SET "StartUnixMs" = NULL WHERE "StartUnixMs" = 0;""");
            migrationBuilder.Sql("""UPDATE people SET "ModeBeforeUnsubscribe" = NULL WHERE "ModeBeforeUnsubscribe" = '';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE meetings SET "StartUnixMs" = 0 WHERE "StartUnixMs" IS NULL;""");
            migrationBuilder.Sql("""UPDATE people SET "ModeBeforeUnsubscribe" = '' WHERE "ModeBeforeUnsubscribe" IS NULL;""");

            migrationBuilder.AlterColumn<string>(
                name: "ModeBeforeUnsubscribe",
                table: "people",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "StartUnixMs",
                table: "meetings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
