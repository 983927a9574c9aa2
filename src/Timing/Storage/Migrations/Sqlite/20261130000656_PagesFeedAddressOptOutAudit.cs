using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PagesFeedAddressOptOutAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModeBeforeUnsubscribe",
                table: "people",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Protected",
                table: "feed_tokens",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "organisation_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organisation_changes_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_changes_OrganisationId_AtUnixMs",
                table: "organisation_changes",
                columns: new[] { "OrganisationId", "AtUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_changes");

            migrationBuilder.DropColumn(
                name: "ModeBeforeUnsubscribe",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Protected",
                table: "feed_tokens");
        }
    }
}
