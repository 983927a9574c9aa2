using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Consent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptedUnixMs",
                table: "people",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvitedUnixMs",
                table: "people",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OwnChoices",
                table: "people",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Everyone stored before invitations existed was added by a director or asked for an account: they count as agreed.
            migrationBuilder.Sql("UPDATE people SET AcceptedUnixMs = CreatedUnixMs;");

            migrationBuilder.CreateTable(
                name: "mail_opt_outs",
                columns: table => new
                {
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_opt_outs", x => x.AddressHash);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mail_opt_outs");

            migrationBuilder.DropColumn(
                name: "AcceptedUnixMs",
                table: "people");

            migrationBuilder.DropColumn(
                name: "InvitedUnixMs",
                table: "people");

            migrationBuilder.DropColumn(
                name: "OwnChoices",
                table: "people");
        }
    }
}
