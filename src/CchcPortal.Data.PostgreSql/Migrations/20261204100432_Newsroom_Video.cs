using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Newsroom_Video : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaptionsUrl",
                table: "MediaItems",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PosterUrl",
                table: "MediaItems",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CaptionsUrl",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "PosterUrl",
                table: "MediaItems");
        }
    }
}
