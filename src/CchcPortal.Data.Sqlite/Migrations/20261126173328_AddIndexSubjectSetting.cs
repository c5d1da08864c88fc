using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddIndexSubjectSetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndexSubjectName",
                table: "SiteSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IndexSubjectName",
                table: "SiteSettings");
        }
    }
}
