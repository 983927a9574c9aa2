using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionStampsAndOperators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsOperator",
                table: "people",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "people",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsOperator",
                table: "people");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "people");
        }
    }
}
