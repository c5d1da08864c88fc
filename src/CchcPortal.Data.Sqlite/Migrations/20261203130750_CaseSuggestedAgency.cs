using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseSuggestedAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SuggestedAgencyId",
                table: "QuestionCases",
                type: "INTEGER",
                nullable: true);

            // Until now the agency chosen on the form was set as the handling agency at submission, so its staff saw
            // cases no moderator had screened. Keep the choice as the suggestion, and clear the handling agency of every
            // case a moderator never assigned.
            migrationBuilder.Sql("UPDATE QuestionCases SET SuggestedAgencyId = AgencyId;");
            migrationBuilder.Sql("UPDATE QuestionCases SET AgencyId = NULL WHERE AssignedAt IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE QuestionCases SET AgencyId = SuggestedAgencyId WHERE AgencyId IS NULL;");
            migrationBuilder.DropColumn(
                name: "SuggestedAgencyId",
                table: "QuestionCases");
        }
    }
}
